package org.rollcall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import picocli.CommandLine;

/** {@code rollcall import-users}: the roster import from a shell, as the command-line admin, its report and exit codes. */
@QuarkusTest
class ImportUsersCommandTest {

    @Inject
    CommandLine.IFactory factory;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = new CommandLine(RollcallCommand.class, factory).execute(args);
            return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void aDryRunReportsEveryRowWritesNothingAndExitsThreeOnARejectedRow(@TempDir Path dir) throws Exception {
        String code = Api.createGroup(null);
        String a = Api.unique("cmd-a");
        Path file = Files.writeString(dir.resolve("roster.csv"), "username,name,email,role\n" + a + ",Ada,,teacher\nbad name,Bad,,\n");
        Run run = run("import-users", file.toString(), "--class", code, "--dry-run");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).contains("Dry run (nothing written): 1 create, 0 update, 0 unchanged, 1 rejected")
                .contains("line 2  create    " + a).contains("line 3  rejected  bad name  username: may contain only letters");
        Api.asAdmin().get("/api/users/" + a).then().statusCode(404);
    }

    @Test
    void anImportPrintsTheOneTimePasswordsOnceAndExitsZero(@TempDir Path dir) throws Exception {
        String code = Api.createGroup(null);
        String a = Api.unique("cmd-b");
        Path file = Files.writeString(dir.resolve("roster.csv"), "username,name\n" + a + ",Bea\n");
        Run run = run("import-users", file.toString(), "--class", code, "--mode", "add");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Imported: 1 create").contains("One-time passwords");
        String password = run.out().lines().filter(l -> l.startsWith("  " + a)).findFirst().orElseThrow().substring(33).strip();
        Api.as(a, password).get("/api/me").then().statusCode(200).body("mustChangePassword", equalTo(true));
        Api.asAdmin().get("/api/groups/" + code + "/members").then().body("username", contains(a));
        assertThat(run("import-users", file.toString(), "--mode", "add").exitCode()).isEqualTo(3);
    }

    @Test
    void aFileThatIsNotARosterOrAWrongModeStopsBeforeAnything(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.csv"), "colour\nred\n");
        Run refused = run("import-users", file.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("was not imported").contains("username");
        assertThat(run("import-users", file.toString(), "--mode", "merge").exitCode()).isEqualTo(2);
    }
}
