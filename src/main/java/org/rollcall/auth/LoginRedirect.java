package org.rollcall.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where to send a visitor who must log in, and where it is safe to send them back to. */
public final class LoginRedirect {

    private LoginRedirect() {
    }

    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    public static String loginUrl(String returnTo) {
        String next = safeNext(returnTo);
        return next.equals("/") ? "/login" : "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** Only local paths: never another site, never a protocol-relative URL. */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/login") || next.contains("\r") || next.contains("\n")) {
            return "/";
        }
        return next;
    }
}
