package org.rollcall.user;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;

import org.rollcall.common.VersionedEntity;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends VersionedEntity {

    @Username
    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 254)
    private String email;

    /**
     * Argon2id; or bcrypt (made before Argon2id) or Werkzeug PBKDF2 (migrated from the Flask app) until the
     * next login replaces it. Security JPA, which reads bcrypt alone, never checks it: PasswordIdentityProvider does.
     */
    @Password(PasswordType.MCF)
    @Column(name = "password_hash")
    private String passwordHash;

    @Roles
    @Column(name = "role", nullable = false, length = 16)
    private String roleName;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** Kept in step with username, name and email by their setters; read only by the search, in SQL. */
    @ElementCollection
    @CollectionTable(name = "user_search_word", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "word", length = SearchWords.MAX_LENGTH)
    @BatchSize(size = 100)
    private Set<String> searchWords = new HashSet<>();

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; indexWords(); }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; indexWords(); }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; indexWords(); }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public String getRoleName() { return roleName; }
    public Role getRole() { return Role.parse(roleName); }
    public void setRole(Role role) { this.roleName = role.id(); }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public boolean isMustChangePassword() { return mustChangePassword; }
    public void setMustChangePassword(boolean mustChangePassword) { this.mustChangePassword = mustChangePassword; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public void setLastLoginAt(Instant lastLoginAt) { this.lastLoginAt = lastLoginAt; }

    private void indexWords() {
        Set<String> words = SearchWords.of(username, displayName, email);
        if (!searchWords.equals(words)) {
            searchWords.clear();
            searchWords.addAll(words);
        }
    }
}
