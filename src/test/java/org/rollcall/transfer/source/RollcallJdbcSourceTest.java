package org.rollcall.transfer.source;

import org.rollcall.transfer.source.RollcallJdbcSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rollcall.transfer.source.Source.Read;
import org.rollcall.schoolclass.MembershipRow;

/**
 * Memberships are read from their own table in key order, their class codes and usernames from
 * maps of the other two tables. A membership whose class or user is not in those maps (added to a
 * live source while it was read) is reported with a reason, never dropped.
 */
class RollcallJdbcSourceTest {

    @Test
    void membershipsComeInKeyOrderWithCodesAndUsernamesAndAnUnknownUserIsReported() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:source-" + System.nanoTime() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE")) {
            try (Statement s = c.createStatement()) {
                // the tables as the memberships query reads them; no foreign keys, as in a source changing under the reader
                s.execute("create table app_group (id bigint primary key, code varchar(16))");
                s.execute("create table app_user (id bigint primary key, username varchar(64))");
                s.execute("create table membership (id bigint primary key, group_id bigint, user_id bigint, role varchar(16),"
                        + " created_at datetime(6))");
                s.execute("insert into app_group values (1, 'MATH-7A'), (2, 'ART-1')");
                s.execute("insert into app_user values (10, 'ada'), (11, 'alan')");
                s.execute("insert into membership values (3, 2, 11, 'student', '2025-09-01 08:00:00.123456'),"
                        + " (1, 1, 10, 'teacher', '2025-09-01 08:00:00'), (2, 1, 99, 'student', '2025-09-01 08:00:00')");
            }
            List<Read<MembershipRow>> reads = new ArrayList<>();
            new RollcallJdbcSource(c, false, "test source").memberships(reads::add);

            assertEquals(List.of("membership id 1", "membership id 2", "membership id 3"), reads.stream().map(Read::origin).toList());
            assertEquals("MATH-7A/ada", reads.get(0).row().key());
            assertEquals("teacher", reads.get(0).row().role());
            assertNull(reads.get(1).row());
            assertEquals("its user was not in the source when it was read", reads.get(1).problem());
            assertEquals("ART-1/alan", reads.get(2).row().key());
            assertEquals(123456000, reads.get(2).row().createdAt().getNano());
        }
    }
}
