package org.rollcall.kasm;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Kasm Workspaces connection (KASM_* settings, README "Kasm Workspaces"); no URL means the feature is off. */
@ConfigMapping(prefix = "rollcall.kasm")
public interface KasmConfig {

    /** KASM_URL: https://kasm.example.org; unset: nothing is queued and nothing is sent. */
    Optional<String> url();

    /** KASM_API_KEY. */
    Optional<String> apiKey();

    /** KASM_API_KEY_SECRET: never logged. */
    Optional<String> apiKeySecret();

    /** KASM_AUTH: {@code body} (api_key/api_key_secret in the JSON body, Kasm up to 1.18) or {@code basic}. */
    @WithDefault("body")
    String auth();

    /** KASM_TLS_CA: a PEM file of the CA that signed Kasm's certificate, when it is not a public one. */
    Optional<String> tlsCa();

    /** KASM_DELETE_USERS: true deletes a user deleted in Rollcall in Kasm too; false (default) disables them there. */
    @WithDefault("false")
    boolean deleteUsers();

    /** How long Kasm may take to accept a connection. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** How long one call may take in all: a slow Kasm holds one event at most this long. */
    @WithDefault("PT15S")
    Duration callTimeout();

    /** How often each instance looks for events that are due. */
    @WithDefault("PT2S")
    Duration poll();

    /** The wait after a first failed attempt; it doubles after each failure up to {@link #retryMax()}. */
    @WithDefault("PT5S")
    Duration retryBase();

    @WithDefault("PT15M")
    Duration retryMax();

    /** After this many failed attempts an event is abandoned (its password erased) and shown as such on the Kasm page. */
    @WithDefault("200")
    int maxAttempts();

    /**
     * How long an instance owns an event it claimed; one that died while delivering is taken over
     * after this. Longer than a call can take ({@link #callTimeout()} several calls over).
     */
    @WithDefault("PT2M")
    Duration claim();

    default boolean enabled() {
        return url().filter(u -> !u.isBlank()).isPresent();
    }
}
