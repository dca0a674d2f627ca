package org.rollcall.backup;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rollcall.auth.Actor;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

@QuarkusTest
class BackupApiTest {

    @Inject
    BackupService backups;

    @Test
    void onlyAdminsReachBackups() {
        String teacher = Api.createUser("bk-t", "teacher");
        String student = Api.createUser("bk-s", "student");
        Api.anonymous().get("/api/backups").then().statusCode(401);
        Api.as(teacher).get("/api/backups").then().statusCode(403);
        Api.as(student).body(Map.of("name", "x")).post("/api/backups").then().statusCode(403);
        Api.as(teacher).accept("text/html").get("/admin/backups").then().statusCode(403);
        Api.asAdmin().get("/api/backups").then().statusCode(200);
    }

    @Test
    void createIsAsynchronousThenCompletesAndCanBeDownloadedAndDeleted() throws Exception {
        Roster.create();
        String name = Api.unique("api");
        Response created = Api.asAdmin().body(Map.of("name", name, "description", "from the API")).post("/api/backups");
        created.then().statusCode(202).body("status", equalTo("NEW")).body("name", equalTo(name)).body("kind", equalTo("FULL"));
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/backups/" + id));

        String status = awaitFinished(id);
        assertEquals("COMPLETED", status);
        Api.asAdmin().get("/api/backups/" + id).then().statusCode(200)
                .body("tables.table", hasItem("app_user"))
                .body("sha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
        Api.asAdmin().get("/api/backups").then().statusCode(200).body("id", hasItem(id));

        byte[] zip = Api.asAdmin().accept("application/zip").get("/api/backups/" + id + "/download")
                .then().statusCode(200).header("Content-Disposition", containsString(id)).extract().asByteArray();
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                entries.add(e.getName());
            }
        }
        assertEquals(List.of(id + "/manifest.json", id + "/data.ndjson.gz", id + "/keys.ndjson.gz"), entries);

        Api.asAdmin().delete("/api/backups/" + id).then().statusCode(204);
        Api.asAdmin().get("/api/backups/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aSecondBackupWhileOneRunsIsRefusedWith409() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<BackupView> first = CompletableFuture.supplyAsync(() -> backups.create(Actor.SYSTEM,
                BackupRequest.full(Api.unique("held"), null), (table, rows) -> {
                    reading.countDown();
                    await(release);
                }));
        try {
            assertTrue(reading.await(30, TimeUnit.SECONDS), "the first backup started");
            String running = backups.list(Actor.SYSTEM).stream().filter(BackupView::running).findFirst().orElseThrow().id();
            Api.asAdmin().get("/api/backups/" + running).then().body("status", equalTo("BUILDING"));
            Api.asAdmin().body(Map.of("name", Api.unique("second"))).post("/api/backups")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("only one backup runs at a time"));
            Api.asAdmin().delete("/api/backups/" + running).then().statusCode(409);
        } finally {
            release.countDown();
        }
        assertEquals(Manifest.Status.COMPLETED, first.get(60, TimeUnit.SECONDS).status());
        Api.asAdmin().body(Map.of("name", Api.unique("after"))).post("/api/backups").then().statusCode(202);
        awaitFinished(Api.asAdmin().get("/api/backups").path("[0].id"));
    }

    @Test
    void aBackupLeftBuildingByAStoppedProcessIsShownFailedAndCanBeDeleted() throws Exception {
        BackupView taken = backups.create(Actor.SYSTEM, BackupRequest.full(Api.unique("stopped"), null));
        // as a process killed while building leaves it: the manifest says BUILDING and nothing runs
        Path manifest = backups.directory().resolve(taken.id()).resolve("manifest.json");
        String building = Files.readString(manifest).replaceFirst("\"status\"(\\s*):(\\s*)\"COMPLETED\"", "\"status\"$1:$2\"BUILDING\"");
        assertTrue(building.contains("BUILDING"), "the manifest names its status");
        Files.writeString(manifest, building);

        Api.asAdmin().get("/api/backups/" + taken.id()).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("failure", containsString("stopped before it finished"));
        assertTrue(Files.readString(manifest).contains("FAILED"), "the verdict is recorded, not only shown");
        Api.asAdmin().delete("/api/backups/" + taken.id()).then().statusCode(204);
    }

    @Test
    void invalidRequestsGetFieldErrors() {
        Api.asAdmin().body(Map.of("name", "x".repeat(65))).post("/api/backups")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        Api.asAdmin().body(Map.of("description", "no name")).post("/api/backups")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        Api.asAdmin().body(Map.of("name", "n", "incremental", true, "parentId", "../../etc")).post("/api/backups")
                .then().statusCode(400).body("errors.field", hasItem("parentId"));
        Api.asAdmin().get("/api/backups/..%2F..%2Fetc").then().statusCode(404);
    }

    @Test
    void adminPageListsTakesAndDeletesBackups() {
        Response page = Api.asAdmin().accept("text/html").get("/admin/backups");
        page.then().statusCode(200).body(containsString("Take a backup"));
        String csrf = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        String cookie = page.getCookie("rollcall_csrf");
        String name = Api.unique("page");
        Response posted = RestAssured.given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).redirects().follow(false)
                .cookie("rollcall_csrf", cookie).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf).formParam("name", name).formParam("description", "from the page")
                .post("/admin/backups");
        posted.then().statusCode(303);
        String id = posted.header("Location").replaceAll(".*#backup-", "");
        assertEquals("COMPLETED", awaitFinished(id));
        Api.asAdmin().accept("text/html").get("/admin/backups").then().statusCode(200)
                .body(containsString(name)).body(containsString("COMPLETED")).body(containsString("/api/backups/" + id + "/download"));

        RestAssured.given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).redirects().follow(false)
                .cookie("rollcall_csrf", cookie).contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf)
                .post("/admin/backups/" + id + "/delete").then().statusCode(303);
        Api.asAdmin().get("/api/backups/" + id).then().statusCode(404);

        RestAssured.given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).redirects().follow(false)
                .cookie("rollcall_csrf", cookie).contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf)
                .formParam("name", "").post("/admin/backups").then().statusCode(400).body(containsString("Name"));
    }

    private static String awaitFinished(String id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String status = Api.asAdmin().get("/api/backups/" + id).then().statusCode(200).extract().path("status");
            if (status.equals("COMPLETED") || status.equals("FAILED")) {
                return status;
            }
            Thread.onSpinWait();
        }
        fail("backup " + id + " did not finish within 60 s");
        return null;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
