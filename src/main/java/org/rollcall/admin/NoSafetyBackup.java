package org.rollcall.admin;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** Used only until a real backup implementation is present. */
@ApplicationScoped
@DefaultBean
public class NoSafetyBackup implements SafetyBackup {

    @Override
    public Optional<String> takeIfData(String reason) {
        return Optional.empty();
    }
}
