package org.rollcall.group;

import java.time.Instant;
import java.util.List;

/** A class with its members. */
public record GroupView(String code, String name, String term, String period, String description,
        Instant createdAt, Instant updatedAt, long version, List<MemberView> members) {

    static GroupView of(Group g, List<MemberView> members) {
        return new GroupView(g.getCode(), g.getName(), g.getTerm(), g.getPeriod(), g.getDescription(),
                g.getCreatedAt(), g.getUpdatedAt(), g.getVersion(), members);
    }
}
