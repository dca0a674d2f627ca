package org.rollcall.auth;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.rollcall.user.UserRepository;

@ApplicationScoped
public class AccountLookup {

    private final UserRepository users;

    public AccountLookup(UserRepository users) {
        this.users = users;
    }

    @Transactional
    public Optional<Account> byUsername(String username) {
        return users.findByUsername(username).map(Account::of);
    }

    @Transactional
    public Optional<String> passwordHash(String username) {
        return users.findByUsername(username).map(u -> u.getPasswordHash() == null ? "" : u.getPasswordHash());
    }
}
