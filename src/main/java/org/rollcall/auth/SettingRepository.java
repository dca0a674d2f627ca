package org.rollcall.auth;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;

@ApplicationScoped
public class SettingRepository implements PanacheRepositoryBase<Setting, String> {

    /**
     * The stored value, or the supplied one stored now. When two instances start together on an
     * empty database, the loser of the insert reads the winner's value.
     */
    public String getOrCreate(String name, Supplier<String> initial) {
        Setting existing = QuarkusTransaction.requiringNew().call(() -> findById(name));
        if (existing != null) {
            return existing.getValue();
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> persist(new Setting(name, initial.get())));
        } catch (RuntimeException raced) {
            // another instance inserted it first; read theirs below
        }
        return QuarkusTransaction.requiringNew().call(() -> findById(name).getValue());
    }
}
