package org.rollcall.kasm;

import java.util.HashMap;
import java.util.Map;

import org.rollcall.support.FakeKasm;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a {@link FakeKasm} for a test class and points the app at it (KASM_URL and the key),
 * with short poll and retry times so a test sees deliveries within seconds. Inject it into a test's
 * {@code FakeKasm} field.
 */
public class KasmTestResource implements QuarkusTestResourceLifecycleManager {

    private FakeKasm kasm;

    @Override
    public Map<String, String> start() {
        kasm = FakeKasm.start();
        Map<String, String> config = new HashMap<>();
        config.put("rollcall.kasm.url", kasm.url());
        config.put("rollcall.kasm.api-key", FakeKasm.KEY);
        config.put("rollcall.kasm.api-key-secret", FakeKasm.SECRET);
        config.put("rollcall.kasm.poll", "PT0.1S");
        config.put("rollcall.kasm.retry-base", "PT0.2S");
        config.put("rollcall.kasm.retry-max", "PT1S");
        config.put("rollcall.kasm.connect-timeout", "PT1S");
        // longer than a test takes to act while a call's answer is held (FakeKasm.holdAnswersOf)
        config.put("rollcall.kasm.call-timeout", "PT3S");
        config.put("rollcall.kasm.claim", "PT10S");
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(kasm, new TestInjector.MatchesType(FakeKasm.class));
    }

    @Override
    public void stop() {
        kasm.close();
    }
}
