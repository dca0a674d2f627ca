package org.rollcall.audit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;

/**
 * ROLLCALL_TRUSTED_PROXIES must name addresses, not hosts. Quarkus resolves a host name in
 * DNS while it handles a request, and it reads a bare IPv6 address such as {@code ::1} as
 * host {@code :} and port {@code 1}: either way every request can wait for a DNS answer
 * (5 seconds where there is no resolver). So the start is refused, saying what to write.
 */
@ApplicationScoped
public class TrustedProxies {

    static final String KEY = "quarkus.http.proxy.trusted-proxies";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2})|:(\\d{1,5}))?");

    void check(@Observes @Priority(0) StartupEvent event) {
        String configured = ConfigProvider.getConfig().getConfigValue(KEY).getValue();
        List<String> problems = problems(configured);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ROLLCALL_TRUSTED_PROXIES: " + String.join(" ", problems));
        }
    }

    /** What is wrong with each entry of a trusted-proxy list, empty when it is all addresses and CIDR ranges. */
    static List<String> problems(String configured) {
        List<String> problems = new ArrayList<>();
        if (configured == null) {
            return problems;
        }
        for (String entry : configured.split(",")) {
            String value = entry.trim();
            String problem = value.isEmpty() ? null : problem(value);
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }

    private static String problem(String value) {
        Matcher ipv4 = IPV4.matcher(value);
        if (ipv4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(ipv4.group(i)) > 255) {
                    return "'" + value + "' is not an IPv4 address.";
                }
            }
            if (ipv4.group(5) != null && Integer.parseInt(ipv4.group(5)) > 32
                    || ipv4.group(6) != null && Integer.parseInt(ipv4.group(6)) > 65535) {
                return "'" + value + "' has a range or port out of bounds.";
            }
            return null;
        }
        boolean bracketed = value.startsWith("[") && value.endsWith("]");
        String bare = bracketed ? value.substring(1, value.length() - 1) : value;
        if (bare.contains(":")) {
            int slash = bare.indexOf('/');
            if (slash < 0) {
                return isIpv6(bare) ? "'" + value + "' is read as host:port; write an IPv6 address as a range, e.g. " + bare + "/128."
                        : "'" + value + "' is not an address; write an IP address or CIDR range.";
            }
            String bits = bare.substring(slash + 1);
            if (!bracketed && isIpv6(bare.substring(0, slash)) && bits.matches("\\d{1,3}") && Integer.parseInt(bits) <= 128) {
                return null;
            }
            return "'" + value + "' is not an IPv6 range; write one like fd00::/8 or ::1/128.";
        }
        return "'" + value + "' is a host name, which would be looked up in DNS during requests; write its IP address or CIDR range"
                + ("localhost".equalsIgnoreCase(value) ? " (127.0.0.1/32,::1/128)." : ".");
    }

    /** An IPv6 literal: Java parses text with a colon as one and never asks DNS for it. */
    private static boolean isIpv6(String text) {
        if (!text.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(text) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
