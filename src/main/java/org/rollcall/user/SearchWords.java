package org.rollcall.user;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a user is found by: for username, display name and email, the text from the start of each
 * word to the end of the field, folded (lower case, accents taken off), so that a term matches the
 * start of any word and can run on across words ({@code love}, {@code ada love}, {@code example.org}).
 * Words are split at spaces, {@code .}, {@code @}, {@code -} and {@code _}. Stored in
 * {@code user_search_word}, one row a word, so that a search is one index range scan.
 */
public final class SearchWords {

    /** Longer texts are cut: a term this long already names one user. */
    public static final int MAX_LENGTH = 120;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchWords() {
    }

    public static Set<String> of(String username, String displayName, String email) {
        Set<String> words = new LinkedHashSet<>();
        for (String field : new String[] { username, displayName, email }) {
            if (field != null) {
                addStarts(fold(field), words);
            }
        }
        return words;
    }

    /** The folded term a search looks for at the start of words, or null when nothing is left of it. */
    public static String term(String text) {
        String folded = fold(text);
        int start = 0;
        while (start < folded.length() && isSeparator(folded.charAt(start))) {
            start++;
        }
        String term = cut(folded.substring(start).stripTrailing());
        return term.isEmpty() ? null : term;
    }

    /** Lower case without accents: {@code Zoë Ñúñez} is {@code zoe nunez}; runs of white space are one space. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o").replace("ł", "l").replace("đ", "d");
        return plain.replaceAll("\\s+", " ");
    }

    private static void addStarts(String field, Set<String> words) {
        for (int i = 0; i < field.length(); i++) {
            if (!isSeparator(field.charAt(i)) && (i == 0 || isSeparator(field.charAt(i - 1)))) {
                words.add(cut(field.substring(i)));
            }
        }
    }

    private static String cut(String text) {
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '@' || c == '-' || c == '_';
    }
}
