package org.rollcall.kasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;
import org.rollcall.support.FakeKasm;
import org.rollcall.support.Waits;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code kasm-sync}: Kasm drifted (a user deleted there, a name changed there, a group membership
 * lost, a user made only there); the dry run lists each repair and changes nothing; the run
 * repairs them, and the user only in Kasm is reported and left alone.
 */
@QuarkusTest
@QuarkusTestResource(value = KasmTestResource.class, restrictToAnnotatedClass = true)
class KasmSyncTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    FakeKasm kasm;
    @Inject
    KasmSync sync;

    @Test
    void aDryRunListsTheRepairsAndTheRunMakesThem() throws Exception {
        String code = Api.createGroup(null);
        long version = ((Number) Api.asAdmin().get("/api/groups/" + code).then().extract().path("version")).longValue();
        Api.asAdmin().body(Map.of("code", code, "name", "Class " + code, "term", "2025-26", "version", version, "kasmGroupId", "g-sync"))
                .put("/api/groups/" + code).then().statusCode(200);
        String gone = Api.createUser("ksgone", "student");
        String renamed = Api.createUser("ksren", "student");
        String member = Api.createUser("ksmem", "student");
        Api.addMember(code, member, "student");
        Waits.until(DELIVERY, "all in Kasm", () -> kasm.user(gone) != null && kasm.user(renamed) != null
                && kasm.user(member) != null && kasm.user(member).groups.contains("g-sync"));
        kasm.removeUser(gone);
        kasm.user(renamed).firstName = "Someone";
        kasm.user(member).groups.clear();
        kasm.addUser("kasm-only-admin", "Kasm", "Admin");
        kasm.clearRequests();

        List<String> progress = new ArrayList<>();
        KasmSync.Report dry = sync.run(true, progress::add);
        assertThat(dry.create()).contains(gone);
        assertThat(dry.update()).contains(renamed);
        assertThat(dry.addToGroups()).contains(member + " -> g-sync");
        assertThat(dry.onlyInKasm()).contains("kasm-only-admin").doesNotContain(gone, renamed, member);
        assertThat(progress).isNotEmpty();
        assertThat(kasm.requests()).as("a dry run only reads").allMatch(r -> r.call().equals("get_users"));
        assertThat(kasm.user(gone)).isNull();

        KasmSync.Report done = sync.run(false, line -> { });
        assertThat(done.clean()).as(String.valueOf(done.failures())).isTrue();
        assertThat(kasm.user(gone)).isNotNull();
        assertThat(kasm.user(renamed).firstName).isEqualTo("Test");
        assertThat(kasm.user(member).groups).contains("g-sync");
        assertThat(kasm.user("kasm-only-admin")).as("never deleted").isNotNull();

        KasmSync.Report again = sync.run(true, line -> { });
        assertThat(again.create()).isEmpty();
        assertThat(again.update()).isEmpty();
        assertThat(again.addToGroups()).isEmpty();
    }
}
