package org.rollcall.common;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Names in the order people read them: a run of digits 0-9 by its value, so {@code student2} comes
 * before {@code student10}; the text between by the root locale's collation, case aside (other
 * scripts' digits are text there). Texts equal that way (only case or leading zeros differ) keep a
 * fixed order all the same.
 */
public final class NaturalOrder implements Comparator<String> {

    public static final Comparator<String> TEXT = new NaturalOrder();

    /** The JDK's collators compare under their own lock, so one serves every thread. */
    private static final Collator WORDS = Collator.getInstance(Locale.ROOT);

    static {
        WORDS.setStrength(Collator.SECONDARY);
    }

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int endA = runEnd(a, i);
            int endB = runEnd(b, j);
            int order = isDigit(a, i) && isDigit(b, j) ? compareNumbers(a.substring(i, endA), b.substring(j, endB))
                    : WORDS.compare(a.substring(i, endA), b.substring(j, endB));
            if (order != 0) {
                return order;
            }
            i = endA;
            j = endB;
        }
        int order = Integer.compare(a.length() - i, b.length() - j);
        return order != 0 ? order : a.compareTo(b);
    }

    /** Two runs of digits by value, of any length. */
    private static int compareNumbers(String a, String b) {
        String x = a.substring(leadingZeros(a));
        String y = b.substring(leadingZeros(b));
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    /** How many zeros lead a run of digits, keeping its last digit. */
    private static int leadingZeros(String digits) {
        int zeros = 0;
        while (zeros < digits.length() - 1 && digits.charAt(zeros) == '0') {
            zeros++;
        }
        return zeros;
    }

    /** Where the run of digits, or of anything else, that starts at {@code from} ends. */
    private static int runEnd(String text, int from) {
        boolean digits = isDigit(text, from);
        int end = from + 1;
        while (end < text.length() && isDigit(text, end) == digits) {
            end++;
        }
        return end;
    }

    private static boolean isDigit(String text, int at) {
        char c = text.charAt(at);
        return c >= '0' && c <= '9';
    }
}
