package org.rollcall.kasm;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Kasm's Developer API: {@code POST <KASM_URL>/api/public/<call>} with a JSON body, the key and
 * secret in the body or as HTTP Basic (KASM_AUTH). An HTTP error, an answer that is not JSON and
 * an HTTP 200 carrying {@code error_message} are all failures ({@link KasmException}). Every call
 * is bounded by the connect and call timeouts. Bodies are never logged: they hold the secret and
 * passwords.
 */
@ApplicationScoped
public class KasmClient {

    @Inject
    KasmConfig config;
    @Inject
    ObjectMapper json;
    private HttpClient http;

    /**
     * A failed call. {@code unreachable}: Kasm did not answer at all (connection refused or dropped,
     * timeout); {@code refused}: Kasm answered with an {@code error_message}.
     */
    public static final class KasmException extends Exception {

        private final boolean unreachable;
        private final boolean refused;

        KasmException(String message, boolean unreachable) {
            this(message, unreachable, false);
        }

        KasmException(String message, boolean unreachable, boolean refused) {
            super(message, null, false, false);
            this.unreachable = unreachable;
            this.refused = refused;
        }

        public boolean unreachable() {
            return unreachable;
        }

        public boolean refused() {
            return refused;
        }
    }

    @PostConstruct
    void init() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        config.tlsCa().filter(p -> !p.isBlank()).ifPresent(ca -> builder.sslContext(trusting(Path.of(ca))));
        http = builder.build();
    }

    /** The answer of a call, an object; {@code body} is the call's own part (target_user, ...). */
    public JsonNode call(String call, Map<String, Object> body) throws KasmException {
        String base = config.url().orElseThrow(() -> new KasmException("KASM_URL is not set", false)).replaceAll("/+$", "");
        Map<String, Object> all = new LinkedHashMap<>();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/public/" + call))
                .timeout(config.callTimeout()).header("Content-Type", "application/json").header("Accept", "application/json");
        String key = config.apiKey().orElse("");
        String secret = config.apiKeySecret().orElse("");
        if ("basic".equalsIgnoreCase(config.auth())) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        } else {
            all.put("api_key", key);
            all.put("api_key_secret", secret);
        }
        all.putAll(body);
        HttpResponse<String> response;
        try {
            response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(all))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new KasmException(call + ": no answer within " + config.callTimeout().toMillis() + " ms (Kasm is slow or unreachable)", true);
        } catch (IOException e) {
            throw new KasmException(call + ": Kasm is unreachable (" + e.getClass().getSimpleName()
                    + Optional.ofNullable(e.getMessage()).map(m -> ": " + m).orElse("") + ")", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KasmException(call + ": interrupted", true);
        }
        if (response.statusCode() / 100 != 2) {
            throw new KasmException(call + ": Kasm answered HTTP " + response.statusCode(), false);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new KasmException(call + ": Kasm's answer is not JSON", false);
        }
        if (answer == null || !answer.isObject()) {
            throw new KasmException(call + ": Kasm's answer is not a JSON object", false);
        }
        if (answer.hasNonNull("error_message")) {
            throw new KasmException(call + ": " + answer.get("error_message").asText(), false, true);
        }
        return answer;
    }

    /** The user object of an answer, if it has one. */
    static Optional<JsonNode> user(JsonNode answer) {
        JsonNode user = answer.path("user");
        return user.isObject() ? Optional.of(user) : Optional.empty();
    }

    private static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("kasm-ca-" + i++, cert);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("KASM_TLS_CA " + pem + " cannot be read as PEM certificates: " + e.getMessage(), e);
        }
    }
}
