package org.rollcall.user;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.common.Instants;
import org.rollcall.common.db.KeyBatches;
import org.rollcall.common.db.KeyedRow;
import org.rollcall.common.db.MultiRowInsert;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class UserRepository implements PanacheRepository<User> {

    @Inject
    KeyBatches batches;
    @Inject
    SearchIndex searchIndex;

    /** A user as the API shows them with their classes, and the id and role that decide who may see them. */
    public record Found(long id, Role role, UserDetail detail) {
    }

    private static final String DETAIL = "SELECT u.id, u.username, u.display_name, u.email, u.role, u.enabled,"
            + " u.must_change_password, u.password_hash IS NOT NULL, u.last_login_at, u.created_at, u.updated_at, u.version,"
            + " g.code, g.name, g.term, m.role AS class_role"
            + " FROM app_user u LEFT JOIN membership m ON m.user_id = u.id LEFT JOIN app_group g ON g.id = m.group_id"
            + " WHERE u.username = ? ORDER BY g.term DESC, g.code";

    /**
     * The user and their classes (latest term first, then by code) in one statement over JDBC: a GET
     * of one user is the API's most frequent read, and loading the entity and then its classes took
     * two statements and the persistence context's bookkeeping for a read that changes nothing.
     */
    public Optional<Found> findDetail(String username) {
        return KeyBatches.onConnection(getEntityManager(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(DETAIL)) {
                statement.setString(1, username);
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Found>empty();
                    }
                    Role role = Role.parse(rs.getString(5));
                    UserView view = new UserView(rs.getString(2), rs.getString(3), rs.getString(4), role, rs.getBoolean(6),
                            rs.getBoolean(7), rs.getBoolean(8), Instants.stored(rs, 9), Instants.stored(rs, 10),
                            Instants.stored(rs, 11), rs.getLong(12));
                    long id = rs.getLong(1);
                    List<UserDetail.ClassMembership> classes = new ArrayList<>();
                    do {
                        if (rs.getString(13) != null) {
                            classes.add(new UserDetail.ClassMembership(rs.getString(13), rs.getString(14), rs.getString(15),
                                    rs.getString(16)));
                        }
                    } while (rs.next());
                    return Optional.of(new Found(id, role, new UserDetail(view, List.copyOf(classes))));   // kept and shared (UserReadCache)
                }
            }
        });
    }

    public Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public Map<String, User> findByUsernames(Collection<String> usernames) {
        Map<String, User> found = new HashMap<>();
        batches.loadWhere(getEntityManager(), User.class, "select id from app_user where username in", usernames)
                .forEach(u -> found.put(u.getUsername(), u));
        return found;
    }

    /** A user as a membership needs it: id and role, without loading the entity. */
    public record Ref(long id, String role) {
    }

    public Map<String, Ref> refsByUsernames(Collection<String> usernames) {
        Map<String, Ref> found = new HashMap<>();
        batches.select(getEntityManager(), "select username, id, role from app_user where username in", usernames,
                rs -> found.put(rs.getString(1), new Ref(rs.getLong(2), rs.getString(3))));
        return found;
    }

    /** Which users hold these emails: email -> username. */
    public Map<String, String> emailOwners(Collection<String> emails) {
        Map<String, String> owners = new HashMap<>();
        batches.select(getEntityManager(), "select email, username from app_user where email in", emails,
                rs -> owners.put(rs.getString(1), rs.getString(2)));
        return owners;
    }

    public Set<String> existingUsernames(Collection<String> usernames) {
        return new HashSet<>(batches.select(getEntityManager(), "select username from app_user where username in", usernames,
                rs -> rs.getString(1)));
    }

    /** Inserts new users with one multi-row statement (see {@link MultiRowInsert}). */
    public void insertAll(List<UserRow> rows) {
        Instant now = Instant.now();   // written to the micro-second (MultiRowInsert)
        MultiRowInsert.execute(getEntityManager(), "app_user", List.of("username", "display_name", "email", "password_hash", "role",
                "enabled", "must_change_password", "last_login_at", "created_at", "updated_at", "version"), rows, row -> {
                    Instant created = row.createdAt() == null ? now : row.createdAt();
                    return Arrays.asList(row.username(), row.displayName(), row.email(), row.passwordHash(), row.role(),
                            row.enabled(), row.mustChangePassword(), row.lastLoginAt(), created,
                            row.updatedAt() == null ? created : row.updatedAt(), 0L);
                });
        searchIndex.indexNew(rows);
    }

    /**
     * Up to {@code size} users with an id above {@code afterId}, in id order, as exported. They are
     * read without a snapshot for dirty checking and let go once copied, so an export of every user
     * in one transaction does not keep them all.
     */
    public List<KeyedRow<UserRow>> exportPage(long afterId, int size) {
        return KeyedRow.readOnce(getEntityManager(), find("id > ?1", Sort.by("id"), afterId), size,
                u -> new KeyedRow<>(u.getId(), UserRow.of(u)));
    }

    public boolean emailTaken(String email, Long exceptId) {
        return count("email = ?1 and id <> ?2", email, exceptId == null ? -1L : exceptId) > 0;
    }

    public long countByRole(Role role) {
        return count("roleName", role.id());
    }

    /** How many users have each role, in one query (for the dashboard). */
    public Map<Role, Long> countByRoles() {
        Map<Role, Long> counts = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            counts.put(role, 0L);
        }
        getEntityManager().createQuery("select new org.rollcall.user.UserRepository$RoleCount(u.roleName, count(u)) from User u"
                + " group by u.roleName", RoleCount.class).getResultList().forEach(c -> counts.put(Role.parse(c.role()), c.count()));
        return counts;
    }

    public record RoleCount(String role, long count) {
    }

    public long countDisabled() {
        return count("enabled", false);
    }
}
