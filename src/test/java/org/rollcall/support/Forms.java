package org.rollcall.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the CSRF token out of a page, for tests that post page forms without a browser. */
public final class Forms {

    public static final String CSRF_COOKIE = "rollcall_csrf";
    public static final String CSRF_FIELD = "csrf-token";
    private static final Pattern TOKEN = Pattern.compile("name=\"" + CSRF_FIELD + "\" value=\"([^\"]+)\"");

    private Forms() {
    }

    public static boolean hasCsrfToken(String html) {
        return TOKEN.matcher(html).find();
    }

    public static String csrfToken(String html) {
        Matcher m = TOKEN.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page");
        }
        return m.group(1);
    }
}
