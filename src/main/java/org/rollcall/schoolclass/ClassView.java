package org.rollcall.schoolclass;

import java.time.Instant;
import java.util.List;

/** A class with its members. */
public record ClassView(String code, String name, String term, String period, String description,
        Instant createdAt, Instant updatedAt, long version, List<MemberView> members) {

    static ClassView of(SchoolClass g, List<MemberView> members) {
        return new ClassView(g.getCode(), g.getName(), g.getTerm(), g.getPeriod(), g.getDescription(),
                g.getCreatedAt(), g.getUpdatedAt(), g.getVersion(), members);
    }
}
