package org.rollcall.schoolclass;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.rollcall.common.Instants;
import org.rollcall.common.db.KeyBatches;
import org.rollcall.common.db.MultiRowInsert;
import org.rollcall.user.UserDetail;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class MembershipRepository implements PanacheRepository<Membership> {

    private final KeyBatches batches;

    public MembershipRepository(KeyBatches batches) {
        this.batches = batches;
    }

    public Optional<Membership> find(long groupId, long userId) {
        return find("schoolClass.id = ?1 and user.id = ?2", groupId, userId).firstResultOptional();
    }

    public boolean teaches(long userId, long groupId) {
        return count("schoolClass.id = ?1 and user.id = ?2 and role = 'teacher'", groupId, userId) > 0;
    }

    public List<UserDetail.ClassMembership> classesOf(long userId) {
        return getEntityManager().createQuery("select new org.rollcall.user.UserDetail$ClassMembership("
                + "m.schoolClass.code, m.schoolClass.name, m.schoolClass.term, m.role) from Membership m where m.user.id = :userId"
                + " order by m.schoolClass.term desc, m.schoolClass.code", UserDetail.ClassMembership.class)
                .setParameter("userId", userId).getResultList();
    }

    public List<MemberView> membersOf(long groupId) {
        return getEntityManager().createQuery("select new org.rollcall.schoolclass.MemberView(u.username, u.displayName,"
                + " u.roleName, m.role, u.enabled, m.createdAt) from Membership m join m.user u where m.schoolClass.id = :groupId"
                + " order by m.role desc, u.displayName, u.username", MemberView.class)
                .setParameter("groupId", groupId).getResultList();
    }

    /** Memberships of these users: id, group id, user id, role, created. */
    public List<Object[]> ofUsers(Collection<Long> userIds) {
        return batches.select(getEntityManager(), "select id, group_id, user_id, role, created_at from membership where user_id in",
                userIds, rs -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), Instants.stored(rs, "created_at") });
    }

    /** (class code, username) of every membership of these users. */
    public List<Object[]> pairsOfUsernames(Collection<String> usernames) {
        return batches.select(getEntityManager(), "select g.code, u.username from membership m join app_group g on g.id = m.group_id"
                + " join app_user u on u.id = m.user_id where u.username in", usernames, rs -> new Object[] { rs.getString(1), rs.getString(2) });
    }

    /** A membership to insert with {@link #insertAll}. */
    public record NewMembership(long groupId, long userId, ClassRole role, Instant createdAt) {
    }

    /** Inserts new memberships with one multi-row statement (see {@link MultiRowInsert}). */
    public void insertAll(List<NewMembership> rows) {
        Instant now = Instant.now();   // written to the micro-second (MultiRowInsert)
        MultiRowInsert.execute(getEntityManager(), "membership", List.of("group_id", "user_id", "role", "created_at"), rows,
                row -> Arrays.asList(row.groupId(), row.userId(), row.role().id(), row.createdAt() == null ? now : row.createdAt()));
    }

    /** Up to {@code size} memberships with an id above {@code afterId}: id, class code, username, role, created. */
    public List<Object[]> exportPage(long afterId, int size) {
        return getEntityManager().createQuery("select m.id, g.code, u.username, m.role, m.createdAt from Membership m"
                + " join m.schoolClass g join m.user u where m.id > :after order by m.id", Object[].class)
                .setParameter("after", afterId).setMaxResults(size).getResultList();
    }

    public long deleteByUser(long userId) {
        return delete("user.id", userId);
    }

    public long deleteByGroup(long groupId) {
        return delete("schoolClass.id", groupId);
    }

    /** Memberships in the classes the actor may see: every class for admins, the ones they teach for teachers. */
    public long countVisible(org.rollcall.auth.Actor actor) {
        if (actor.isAdmin()) {
            return count();
        }
        return count("schoolClass.id in (select t.schoolClass.id from Membership t where t.user.id = ?1 and t.role = 'teacher')", actor.id());
    }
}
