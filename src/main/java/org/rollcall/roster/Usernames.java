package org.rollcall.roster;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Usernames made from names for rows that have none: lower case, accents folded to ASCII
 * ({@code Zoë Ñúñez} becomes {@code zoe.nunez}), words joined by '.', and a number added when the
 * name is taken, by the database or by an earlier row of the same file ({@code ada.lovelace2}).
 */
final class Usernames {

    private static final int MAX_LENGTH = 64;

    private final Set<String> reserved;
    private final Predicate<String> stored;

    /**
     * @param inFile the usernames the file gives itself: never handed out to another row
     * @param stored whether the database holds a username
     */
    Usernames(Collection<String> inFile, Predicate<String> stored) {
        this.reserved = new HashSet<>(inFile);
        this.stored = stored;
    }

    /** The name as a username's stem ({@code "Ada Lovelace"} -> {@code "ada.lovelace"}); empty when nothing is left. */
    static String stem(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        ascii = ascii.replace("ß", "ss").replace("æ", "ae").replace("Æ", "ae").replace("ø", "o").replace("Ø", "o")
                .replace("ł", "l").replace("Ł", "l").replace("đ", "d").replace("Đ", "d");
        String stem = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.+|\\.+$", "");
        return stem.length() > MAX_LENGTH - 6 ? stem.substring(0, MAX_LENGTH - 6) : stem;
    }

    /** A free username for this name, now taken for the rest of the file; null when the name has no letter or digit to use. */
    String next(String name) {
        String stem = stem(name);
        if (stem.isEmpty()) {
            return null;
        }
        String candidate = stem;
        for (int n = 2; reserved.contains(candidate) || stored.test(candidate); n++) {
            candidate = stem + n;
        }
        reserved.add(candidate);
        return candidate;
    }
}
