package org.rollcall.roster;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which column of a roster's header line holds what. Names are matched without regard to case,
 * spaces, '_' or '-', with the aliases spreadsheets and Moodle's "Upload users" use; Moodle's
 * {@code cohort1..n} and {@code course1..n} each hold one class code, {@code classes} several,
 * separated by ';'.
 */
record RosterColumns(Map<Field, Integer> fields, List<Integer> classColumns, List<String> unknown) {

    enum Field { USERNAME, NAME, FIRST_NAME, LAST_NAME, EMAIL, ROLE, PASSWORD }

    private static final Map<String, Field> ALIASES = Map.ofEntries(
            Map.entry("username", Field.USERNAME), Map.entry("user", Field.USERNAME), Map.entry("login", Field.USERNAME),
            Map.entry("name", Field.NAME), Map.entry("displayname", Field.NAME), Map.entry("fullname", Field.NAME),
            Map.entry("firstname", Field.FIRST_NAME), Map.entry("givenname", Field.FIRST_NAME),
            Map.entry("lastname", Field.LAST_NAME), Map.entry("familyname", Field.LAST_NAME), Map.entry("surname", Field.LAST_NAME),
            Map.entry("email", Field.EMAIL), Map.entry("emailaddress", Field.EMAIL), Map.entry("mail", Field.EMAIL),
            Map.entry("role", Field.ROLE), Map.entry("password", Field.PASSWORD));
    private static final Pattern CLASS_COLUMN = Pattern.compile("classes|class|cohort\\d*|course\\d*");

    static RosterColumns of(List<String> header) {
        Map<Field, Integer> fields = new EnumMap<>(Field.class);
        List<Integer> classColumns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String key = header.get(i) == null ? "" : header.get(i).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
            Field field = ALIASES.get(key);
            if (field != null && !fields.containsKey(field)) {
                fields.put(field, i);
            } else if (CLASS_COLUMN.matcher(key).matches()) {
                classColumns.add(i);
            } else if (!key.isEmpty()) {
                unknown.add(header.get(i).strip());
            }
        }
        return new RosterColumns(fields, classColumns, unknown);
    }

    /** Rows can be told apart: by a username, or by a name to make one from. */
    boolean identifiesRows() {
        return has(Field.USERNAME) || has(Field.NAME) || has(Field.FIRST_NAME) || has(Field.LAST_NAME);
    }

    boolean has(Field field) {
        return fields.containsKey(field);
    }

    /** The trimmed cell of this field in a row, or null when the column is missing or the cell empty. */
    String get(List<String> cells, Field field) {
        Integer index = fields.get(field);
        return index == null ? null : cell(cells, index);
    }

    /** The class codes a row names in its class columns, as written. */
    List<String> classes(List<String> cells) {
        List<String> codes = new ArrayList<>();
        for (int index : classColumns) {
            String cell = cell(cells, index);
            if (cell != null) {
                for (String code : cell.split("[;,]")) {
                    if (!code.isBlank()) {
                        codes.add(code.strip());
                    }
                }
            }
        }
        return codes;
    }

    private static String cell(List<String> cells, int index) {
        if (index >= cells.size() || cells.get(index) == null) {
            return null;
        }
        String value = cells.get(index).strip();
        return value.isEmpty() ? null : value;
    }
}
