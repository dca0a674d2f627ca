package org.rollcall.oneroster;

/** A Rollcall display name as OneRoster's given and family names, and back. */
final class OneRosterNames {

    private OneRosterNames() {
    }

    /** "Ada King Lovelace" -> ["Ada", "King Lovelace"]; a one-word name has an empty family name. */
    static String[] split(String displayName) {
        int space = displayName.indexOf(' ');
        return space < 0 ? new String[] { displayName, "" } : new String[] { displayName.substring(0, space), displayName.substring(space + 1) };
    }

    static String join(String given, String family) {
        String g = given == null ? "" : given.strip();
        String f = family == null ? "" : family.strip();
        return g.isEmpty() ? f : f.isEmpty() ? g : g + " " + f;
    }
}
