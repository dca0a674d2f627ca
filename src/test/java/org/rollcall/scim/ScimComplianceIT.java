package org.rollcall.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.rollcall.support.PackagedApp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SAP scimono compliance suite (com.sap.scimono:scimono-compliance-tests, a runnable jar that
 * Maven copies to target/scim-compliance) run against the packaged app, authenticating with HTTP
 * Basic as a provisioning client: the tests that apply, by the suite's own tests.file.path selection
 * (src/test/resources/scim/compliance-tests.properties), all pass; the whole suite fails only the
 * tests README lists as not applicable (scim/compliance-not-applicable.txt). A short run
 * authenticates with the OAuth 2.0 client-credentials grant at /scim/v2/token.
 */
class ScimComplianceIT {

    private static final Pattern SECRET = Pattern.compile("(rcscim_[A-Za-z0-9_-]+)");

    @Test
    void everyComplianceTestThatAppliesPassesWithBasicAuthentication() throws Exception {
        Path work = Files.createTempDirectory("rollcall-scim-compliance-");
        // the suite deletes the users it creates and then expects 404 for them: the setting that makes DELETE delete
        Map<String, String> env = Map.of("ADMIN_PASSWORD", "compliance-admin-1", "ROLLCALL_SCIM_DELETE_USERS", "true");
        String secret = createClient(work, env, "compliance");
        String[] basic = { "auth.type=Basic", "basic.auth.user=compliance", "basic.auth.password=" + secret };
        try (PackagedApp app = PackagedApp.start(work, env)) {
            app.awaitReady(Duration.ofMinutes(3));
            seed(app, secret);
            // the suite's own selection of the tests that apply (its launcher selects methods by name)
            Report selected = runSuite(app, resource("scim/compliance-tests.properties"), basic);
            assertTrue(selected.tests() >= 130, "the selection ran: " + selected);
            assertEquals(List.of(), selected.failed(), "selected compliance tests failed; see target/scim-compliance/run-*/testLogs.log");
            // the whole suite, parameterized tests included: nothing fails but the tests README lists as not applicable
            Set<String> notApplicable = Files.readAllLines(resource("scim/compliance-not-applicable.txt")).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
            Report all = runSuite(app, null, basic);
            assertTrue(all.tests() > 400, "the whole suite ran: " + all);
            List<String> unexpected = all.failed().stream().filter(f -> !notApplicable.contains(f.substring(0, f.indexOf(':'))
                    .replaceAll("\\(.*", ""))).toList();
            assertEquals(List.of(), unexpected, "compliance tests failed that README does not list as not applicable");
        }
    }

    /** A school's data before the suite starts: its tests "with initial existing resources" need two users and two classes. */
    private static void seed(PackagedApp app, String secret) {
        String authorization = "Bearer " + secret;
        for (String body : List.of(
                "{\"schemas\":[\"" + ScimJson.CORE_USER + "\"],\"userName\":\"seed.one\",\"displayName\":\"Seed One\"}",
                "{\"schemas\":[\"" + ScimJson.CORE_USER + "\"],\"userName\":\"seed.two\",\"displayName\":\"Seed Two\"}")) {
            post(app, "/scim/v2/Users", authorization, body);
        }
        for (String name : List.of("Seed class one", "Seed class two")) {
            post(app, "/scim/v2/Groups", authorization, "{\"schemas\":[\"" + ScimJson.CORE_GROUP + "\"],\"displayName\":\"" + name + "\"}");
        }
    }

    private static void post(PackagedApp app, String path, String authorization, String body) {
        var response = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url(path)))
                .header("Authorization", authorization).header("Content-Type", ScimJson.MEDIA_TYPE)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, response.statusCode(), response.body());
    }

    private static Path resource(String name) {
        return Path.of("target/test-classes", name).toAbsolutePath();
    }

    @Test
    void theSuiteAuthenticatesWithTheClientCredentialsGrant() throws Exception {
        Path work = Files.createTempDirectory("rollcall-scim-oauth-");
        Map<String, String> env = Map.of("ADMIN_PASSWORD", "compliance-admin-1");
        String secret = createClient(work, env, "oauth-client");
        Path selection = work.resolve("oauth-tests.properties");
        Files.writeString(selection, "com.sap.scimono.scim.system.tests.UserOperationsHttpResponseCodeTest="
                + "testCreateAndGetUser200,testGetUserNonExistingId404,testCreateUsersWithSameUserNames409,testPatchUserRequestWithReplaceOp204\n");
        try (PackagedApp app = PackagedApp.start(work, env)) {
            app.awaitReady(Duration.ofMinutes(3));
            Report report = runSuite(app, selection, "auth.type=Oauth", "oauth.grant=client_credentials", "oauth.clientId=oauth-client",
                    "oauth.secret=" + secret, "oauth.service.url=" + app.url("/scim/v2/token"));
            assertEquals(4, report.tests(), "the four selected tests ran: " + report);
            assertEquals(List.of(), report.failed());
        }
    }

    /** {@code rollcall scim-token create NAME} in the app's working directory; the secret it printed once. */
    private static String createClient(Path work, Map<String, String> env, String name) {
        try (PackagedApp command = PackagedApp.start(work, env, "scim-token", "create", name)) {
            assertEquals(0, command.awaitExit(Duration.ofMinutes(3)), command.output());
            Matcher secret = SECRET.matcher(command.output());
            assertTrue(secret.find(), command.output());
            return secret.group(1);
        }
    }

    record Report(int tests, int skipped, List<String> failed) {
    }

    private static Report runSuite(PackagedApp app, Path selection, String... auth) throws Exception {
        Path suite = Path.of(System.getProperty("scim.compliance.jar", "target/scim-compliance/scimono-compliance-tests.jar"));
        assertTrue(Files.exists(suite), "the compliance suite is copied by maven-dependency-plugin (pre-integration-test): " + suite);
        Path runDir = Files.createDirectories(Path.of("target/scim-compliance/run-" + app.port() + (selection == null ? "-all" : "")));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // its client sets the PATCH method by reflection on HttpURLConnection, closed by default since Java 16
                "--add-opens", "java.base/java.net=ALL-UNNAMED", "--add-opens", "java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "-jar", suite.toAbsolutePath().toString(), "scim.service.url=" + app.url("/scim/v2")));
        if (selection != null) {
            command.add("tests.file.path=" + selection.toAbsolutePath());
        }
        command.addAll(List.of(auth));
        Process process = new ProcessBuilder(command).directory(runDir.toFile()).redirectErrorStream(true)
                .redirectOutput(runDir.resolve("suite-output.log").toFile()).start();
        try {
            assertTrue(process.waitFor(12, TimeUnit.MINUTES), "the compliance suite finished within 12 minutes");
        } finally {
            process.destroyForcibly();
        }
        return report(runDir.resolve("TEST-junit-jupiter.xml"));
    }

    private static Report report(Path xml) throws IOException {
        assertTrue(Files.exists(xml), "the suite wrote its JUnit report " + xml);
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
            NodeList cases = document.getElementsByTagName("testcase");
            List<String> failed = new ArrayList<>();
            int skipped = 0;
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                if (testCase.getElementsByTagName("skipped").getLength() > 0) {
                    skipped++;
                }
                NodeList failures = testCase.getElementsByTagName("failure");
                NodeList errors = testCase.getElementsByTagName("error");
                if (failures.getLength() + errors.getLength() > 0) {
                    Element problem = (Element) (failures.getLength() > 0 ? failures.item(0) : errors.item(0));
                    String message = problem.getAttribute("message");
                    failed.add(testCase.getAttribute("classname").replace("com.sap.scimono.scim.system.tests.", "") + "."
                            + testCase.getAttribute("name").replaceAll("\\(.*", "") + ": " + message.substring(0, Math.min(300, message.length())));
                }
            }
            return new Report(cases.getLength(), skipped, failed);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException(e);
        }
    }
}
