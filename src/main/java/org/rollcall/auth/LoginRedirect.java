package org.rollcall.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where to send a visitor who must log in, and where it is safe to send them back to. */
public final class LoginRedirect {

    /** What may stand in a URI as it is (RFC 3986 unreserved, reserved and '%'); anything else is percent-encoded. */
    private static final String URI_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";

    private LoginRedirect() {
    }

    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    public static String loginUrl(String returnTo) {
        String next = safeNext(returnTo);
        return next.equals("/") ? "/login" : "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /**
     * A local path to redirect to, encoded so it is a valid URI ({@code /users?q=a b} becomes
     * {@code /users?q=a%20b}); "/" for anything else: another site, a protocol-relative URL, a
     * control character (tab, line break) or a malformed escape.
     */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/login")) {
            return "/";
        }
        StringBuilder encoded = new StringBuilder(next.length());
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (Character.isISOControl(c)) {
                return "/";
            }
            if (URI_CHARACTERS.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < next.length() ? i + 2 : i + 1;
                for (byte b : next.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
                i = end - 1;
            }
        }
        try {
            URI uri = new URI(encoded.toString());
            return uri.getScheme() == null && uri.getRawAuthority() == null ? encoded.toString() : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
