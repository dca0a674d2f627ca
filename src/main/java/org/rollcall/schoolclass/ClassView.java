package org.rollcall.schoolclass;

import java.time.Instant;
import java.util.List;

/** A class with its members; {@code kasmGroupId} is the Kasm group they join, or null. */
public record ClassView(String code, String name, String term, String period, String description,
        Instant createdAt, Instant updatedAt, long version, List<MemberView> members, String kasmGroupId) {

    static ClassView of(SchoolClass g, List<MemberView> members) {
        return new ClassView(g.getCode(), g.getName(), g.getTerm(), g.getPeriod(), g.getDescription(),
                g.getCreatedAt(), g.getUpdatedAt(), g.getVersion(), members, g.getKasmGroupId());
    }
}
