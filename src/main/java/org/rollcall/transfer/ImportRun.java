package org.rollcall.transfer;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the chunks of one import (a migrate run) share. Each chunk is its own transaction, so the
 * transfers cannot see earlier chunks of a dry run in the database; this remembers the keys they
 * accepted. That makes a dry run report what the real run would do, and a key that appears twice
 * in a source is rejected instead of silently overwriting the first record.
 *
 * <p>What a chunk accepts is pending until {@link #commitChunk()}; {@link #discardChunk()} forgets
 * it when the chunk's transaction failed, so the chunk can be retried.
 */
public final class ImportRun {

    private final boolean dryRun;
    private final Keys committed = new Keys();
    private Keys pending = new Keys();
    /** Set once the database refused a chunk: from then on every lookup is made, nothing assumed. */
    private boolean refused;
    /** Passwords in clear that the source set for its users (a roster's), held in memory for the run only: Kasm gets them. */
    private final Map<String, String> newPasswords = new HashMap<>();

    private static final class Keys {
        final Map<String, String> userRoles = new HashMap<>();
        final Map<String, String> emailOwners = new HashMap<>();
        final Set<String> createdUsers = new HashSet<>();
        final Set<String> classCodes = new HashSet<>();
        final Set<String> memberships = new HashSet<>();

        void addAll(Keys other) {
            userRoles.putAll(other.userRoles);
            emailOwners.putAll(other.emailOwners);
            createdUsers.addAll(other.createdUsers);
            classCodes.addAll(other.classCodes);
            memberships.addAll(other.memberships);
        }
    }

    public ImportRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** True when nothing may be written: the transfers only decide what they would do. */
    public boolean dryRun() {
        return dryRun;
    }

    public boolean hasUser(String username) {
        return pending.userRoles.containsKey(username) || committed.userRoles.containsKey(username);
    }

    /** The role (role id) an accepted user has after this run, or null when not accepted in this run. */
    public String userRole(String username) {
        String role = pending.userRoles.get(username);
        return role != null ? role : committed.userRoles.get(username);
    }

    /** The source sets this user's password ({@code password} in clear, whose hash its row carries). */
    public void newPassword(String username, String password) {
        newPasswords.put(username, password);
    }

    /** The password in clear the source set for this user, or null. */
    public String newPassword(String username) {
        return newPasswords.get(username);
    }

    public void acceptUser(String username, String roleId, String email) {
        pending.userRoles.put(username, roleId);
        if (email != null) {
            pending.emailOwners.put(email, username);
        }
    }

    /** Marks an accepted user as new: this run inserts it. */
    public void userCreated(String username) {
        pending.createdUsers.add(username);
    }

    /**
     * True when a committed chunk of this run inserted this user. No membership of such a user was
     * stored before this run, so there are none to look up: this run's own are in
     * {@link #hasMembership}, and one added meanwhile by someone else makes the database refuse
     * the duplicate; after that this returns false for the rest of the run, so that the chunk's
     * retry looks the memberships up.
     */
    public boolean createdUser(String username) {
        return !refused && committed.createdUsers.contains(username);
    }

    /** The user an earlier record of this run gave the email to, or null. */
    public String emailOwner(String email) {
        String owner = pending.emailOwners.get(email);
        return owner != null ? owner : committed.emailOwners.get(email);
    }

    public boolean hasClass(String code) {
        return pending.classCodes.contains(code) || committed.classCodes.contains(code);
    }

    public void acceptClass(String code) {
        pending.classCodes.add(code);
    }

    public boolean hasMembership(String code, String username) {
        String key = code + '\u0000' + username;
        return pending.memberships.contains(key) || committed.memberships.contains(key);
    }

    public void acceptMembership(String code, String username) {
        pending.memberships.add(code + '\u0000' + username);
    }

    public void commitChunk() {
        committed.addAll(pending);
        pending = new Keys();
    }

    /** The chunk's transaction failed: forgets what it accepted. */
    public void discardChunk() {
        pending = new Keys();
        refused = true;
    }

    /**
     * The SQL error when the database refused a chunk's data itself (a constraint or data
     * exception, which a retry row by row can pin on one record), else null.
     */
    public static SQLException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("22"))) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Usernames accepted by committed chunks. */
    public Set<String> usernames() {
        return committed.userRoles.keySet();
    }

    /** Class codes accepted by committed chunks. */
    public Set<String> classCodes() {
        return committed.classCodes;
    }

    /** How many memberships committed chunks accepted. */
    public int membershipCount() {
        return committed.memberships.size();
    }
}
