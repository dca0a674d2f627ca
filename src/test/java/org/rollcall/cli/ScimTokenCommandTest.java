package org.rollcall.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rollcall.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import picocli.CommandLine;

/** {@code rollcall scim-token create|list|revoke}: the secret printed once, the list, a revoked client locked out. */
@QuarkusTest
class ScimTokenCommandTest {

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
    void createPrintsTheSecretOnceListShowsTheClientAndRevokeLocksItOut() {
        String name = Api.unique("okta");
        Run created = run("scim-token", "create", name);
        assertThat(created.exitCode()).isZero();
        Matcher secret = Pattern.compile("(rcscim_[A-Za-z0-9_-]+)").matcher(created.out());
        assertThat(secret.find()).as(created.out()).isTrue();
        given().auth().preemptive().basic(name, secret.group(1)).get("/scim/v2/Users").then().statusCode(200);

        Run list = run("scim-token", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains(name).doesNotContain(secret.group(1));

        Run twice = run("scim-token", "create", name);
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.err()).contains("already the name of a provisioning client");

        Run revoked = run("scim-token", "revoke", name);
        assertThat(revoked.exitCode()).as(revoked.out() + revoked.err()).isZero();
        assertThat(revoked.out()).contains("is revoked");
        given().auth().preemptive().basic(name, secret.group(1)).get("/scim/v2/Users").then().statusCode(401);
        assertThat(run("scim-token", "list").out()).containsPattern(name + ".*REVOKED");
        assertThat(run("scim-token", "revoke", "nobody-" + name).exitCode()).isEqualTo(1);
    }
}
