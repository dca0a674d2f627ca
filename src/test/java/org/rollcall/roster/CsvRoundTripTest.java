package org.rollcall.roster;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;

/** A class's CSV download is a roster the import takes back as it is: nothing changes, and what was deleted comes back. */
@QuarkusTest
class CsvRoundTripTest {

    @Test
    void theUsersCsvOfAClassReimportsUnchangedAndRestoresADeletedStudent() {
        String code = Api.createGroup(null);
        String ada = Api.unique("rt-ada");
        String zoe = Api.unique("rt-zoe");
        Api.asAdmin().body(Map.of("username", ada, "displayName", "Ada Lovelace", "email", ada + "@school.example", "role", "student"))
                .post("/api/users").then().statusCode(201);
        Api.asAdmin().body(Map.of("username", zoe, "displayName", "Zoë Ñúñez, \"Z\"", "role", "student")).post("/api/users")
                .then().statusCode(201);
        Api.addMember(code, ada, "student");
        Api.addMember(code, zoe, "student");

        byte[] csv = Api.asAdmin().accept("text/csv").queryParam("group", code).get("/api/users").then().statusCode(200)
                .extract().body().asByteArray();

        Rosters.post(Api.asAdmin(), csv, "mode=add-update").statusCode(200)
                .body("counts.unchanged", equalTo(2)).body("counts.create", equalTo(0)).body("counts.update", equalTo(0))
                .body("counts.rejected", equalTo(0)).body("rows.outcome", everyItem(equalTo("unchanged")));

        Api.asAdmin().delete("/api/users/" + zoe).then().statusCode(204);
        Rosters.post(Api.asAdmin(), csv, "mode=add-update").statusCode(200)
                .body("counts.create", equalTo(1)).body("counts.unchanged", equalTo(1));
        Api.asAdmin().get("/api/users/" + zoe).then().statusCode(200)
                .body("user.displayName", equalTo("Zoë Ñúñez, \"Z\"")).body("user.role", equalTo("student"));
        Api.asAdmin().get("/api/groups/" + code).then().body("members.username", org.hamcrest.Matchers.hasItem(zoe));
    }
}
