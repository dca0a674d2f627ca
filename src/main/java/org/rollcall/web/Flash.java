package org.rollcall.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * A one-shot message carried across the redirect after a successful POST ("User created"). It
 * lives in a short cookie that the next full page shows and clears ({@link FlashCleaner}).
 * Templates read it as {@code inject:flash}.
 */
@RequestScoped
@Named("flash")
public class Flash {

    public static final String COOKIE = "rollcall_flash";
    private static final int MAX_AGE_SECONDS = 120;

    public enum Kind { SUCCESS, DANGER, INFO;

        String css() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Inject
    HttpServerRequest request;
    private String kind;
    private String text;

    @PostConstruct
    void read() {
        Cookie cookie = request.getCookie(COOKIE);
        String[] parsed = cookie == null ? null : decode(cookie.getValue());
        this.kind = parsed == null ? null : parsed[0];
        this.text = parsed == null ? null : parsed[1];
    }

    /** The message to show on this page, or null. */
    public String text() {
        return text;
    }

    /** Bootstrap alert colour of the message: success, danger or info. */
    public String kind() {
        return kind;
    }

    /** 303 See Other to {@code location}, showing {@code text} there. */
    public static Response redirect(String location, Kind kind, String text) {
        return Response.seeOther(URI.create(location)).cookie(cookie(kind, text)).build();
    }

    public static Response redirect(String location, String successText) {
        return redirect(location, Kind.SUCCESS, successText);
    }

    static NewCookie cookie(Kind kind, String text) {
        String value = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind.css() + "\n" + text).getBytes(StandardCharsets.UTF_8));
        return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(MAX_AGE_SECONDS).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    static NewCookie expired() {
        return new NewCookie.Builder(COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    private static String[] decode(String value) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int newline = decoded.indexOf('\n');
            if (newline < 0) {
                return null;
            }
            String kind = decoded.substring(0, newline);
            boolean known = java.util.Arrays.stream(Kind.values()).anyMatch(k -> k.css().equals(kind));
            return known ? new String[] { kind, decoded.substring(newline + 1) } : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
