package org.rollcall.roster;

import java.util.Arrays;
import java.util.Locale;

import org.rollcall.common.DomainException;

/** How to import a roster: which rows may create and which may update, the class every row joins (or none), and whether to write. */
public record RosterOptions(Mode mode, String classCode, boolean dryRun) {

    public enum Mode {
        /** Only creates: a username that exists is a rejected row. */
        ADD,
        /** Only updates: a username that does not exist is a rejected row. */
        UPDATE,
        ADD_UPDATE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The mode named as the API and the command name it ({@code add-update}); blank is add-update. */
        public static Mode parse(String value) {
            if (value == null || value.isBlank()) {
                return ADD_UPDATE;
            }
            return Arrays.stream(values()).filter(m -> m.id().equalsIgnoreCase(value.strip())).findFirst()
                    .orElseThrow(() -> DomainException.invalid("mode", "must be add, update or add-update"));
        }

        boolean creates() {
            return this != UPDATE;
        }

        boolean updates() {
            return this != ADD;
        }
    }
}
