package org.rollcall.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A trusted-proxy entry that needs DNS would make requests wait on a lookup: the start is refused instead. */
@QuarkusTest
class TrustedProxiesTest {

    @Test
    void theDefaultListIsAddressesOnly() {
        String configured = ConfigProvider.getConfig().getConfigValue(TrustedProxies.KEY).getValue();
        assertTrue(configured.contains("127.0.0.1") && configured.contains("::1"), configured);
        assertEquals(List.of(), TrustedProxies.problems(configured));
    }

    @Test
    void addressesRangesAndPortsAreAccepted() {
        assertEquals(List.of(), TrustedProxies.problems("10.0.0.0/8, 192.168.1.10, 172.16.0.1:8080, fd00::/8,::1/128"));
    }

    @Test
    void aBareIpv6AddressIsRefusedWithTheRangeToWrite() {
        List<String> problems = TrustedProxies.problems("127.0.0.1,::1");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("::1/128"), problems.get(0));
    }

    @Test
    void whatIsNotAnAddressIsRefused() {
        assertTrue(TrustedProxies.problems("10.0.0.300").get(0).contains("not an IPv4 address"));
        assertTrue(TrustedProxies.problems("10.0.0.0/33").get(0).contains("out of bounds"));
        assertTrue(TrustedProxies.problems("[::1]").get(0).contains("::1/128"), "brackets are suggested away");
        assertTrue(TrustedProxies.problems("fd00::zz/8").get(0).contains("not an IPv6 range"));
        assertTrue(TrustedProxies.problems("localhost").get(0).contains("127.0.0.1/32,::1/128"));
        assertEquals(4, TrustedProxies.problems("10.0.0.300, ::1, lb.internal, 10.0.0.0/8, fd00::/8, 999.1.1.1").size());
    }

    @Test
    void aHostNameIsRefused() {
        List<String> problems = TrustedProxies.problems("lb.school.internal");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("'lb.school.internal' is a host name"), problems.get(0));
    }
}
