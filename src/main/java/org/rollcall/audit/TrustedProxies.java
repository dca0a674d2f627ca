package org.rollcall.audit;

import java.util.ArrayList;
import java.util.List;
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

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}(/\\d{1,2}|:\\d{1,5})?");
    private static final Pattern IPV6_RANGE = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*/\\d{1,3}");

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
            if (value.isEmpty() || IPV4.matcher(value).matches() || IPV6_RANGE.matcher(value).matches()) {
                continue;
            }
            if (value.contains(":")) {
                problems.add("'" + value + "' is read as host:port; write an IPv6 address as a range, e.g. " + value + "/128.");
            } else {
                problems.add("'" + value + "' is a host name, which would be looked up in DNS during requests;"
                        + " write its IP address or CIDR range.");
            }
        }
        return problems;
    }
}
