package org.rollcall.schoolclass;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.access.TeacherScope;
import org.rollcall.auth.Actor;
import org.rollcall.common.Instants;
import org.rollcall.common.NaturalOrder;
import org.rollcall.common.db.KeyBatches;
import org.rollcall.common.db.KeyedRow;
import org.rollcall.common.db.MultiRowInsert;
import org.rollcall.user.UserDetail;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class MembershipRepository implements PanacheRepository<Membership> {

    /** Teachers first (the order of {@link ClassRole}), then by name and username as people read them. */
    private static final Comparator<MemberView> READING_ORDER = Comparator.comparing(MemberView::role)
            .thenComparing(MemberView::displayName, NaturalOrder.TEXT)
            .thenComparing(MemberView::username, NaturalOrder.TEXT);

    @Inject
    KeyBatches batches;

    public Optional<Membership> find(long classId, long userId) {
        return find("schoolClass.id = ?1 and user.id = ?2", classId, userId).firstResultOptional();
    }

    public List<UserDetail.ClassMembership> classesOf(long userId) {
        return getEntityManager().createQuery("select new org.rollcall.user.UserDetail$ClassMembership("
                + "m.schoolClass.code, m.schoolClass.name, m.schoolClass.term, m.role) from Membership m where m.user.id = :userId"
                + " order by m.schoolClass.term desc, m.schoolClass.code", UserDetail.ClassMembership.class)
                .setParameter("userId", userId).getResultList();
    }

    /** A class's members, teachers first, then by name as people read it ("Student 2" before "Student 10"). */
    public List<MemberView> membersOf(long classId) {
        return getEntityManager().createQuery("select new org.rollcall.schoolclass.MemberView(u.username, u.displayName,"
                + " u.roleName, m.role, u.enabled, m.createdAt) from Membership m join m.user u where m.schoolClass.id = :groupId",
                MemberView.class).setParameter("groupId", classId).getResultStream().sorted(READING_ORDER).toList();
    }

    /** A stored membership as an import compares it: keys, role and creation time, without loading the entities. */
    public record Stored(long id, long classId, long userId, String role, Instant createdAt) {
    }

    public List<Stored> ofUsers(Collection<Long> userIds) {
        return batches.select(getEntityManager(), "select id, group_id, user_id, role, created_at from membership where user_id in",
                userIds, rs -> new Stored(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        Instants.stored(rs, "created_at")));
    }

    /** Every membership of these users as "CODE/username". */
    public List<String> keysOfUsernames(Collection<String> usernames) {
        return batches.select(getEntityManager(), "select g.code, u.username from membership m join app_group g on g.id = m.group_id"
                + " join app_user u on u.id = m.user_id where u.username in", usernames, rs -> rs.getString(1) + "/" + rs.getString(2));
    }

    /** A membership to insert with {@link #insertAll}. */
    public record NewMembership(long classId, long userId, ClassRole role, Instant createdAt) {
    }

    /** Inserts new memberships with one multi-row statement (see {@link MultiRowInsert}). */
    public void insertAll(List<NewMembership> rows) {
        Instant now = Instant.now();   // written to the micro-second (MultiRowInsert)
        MultiRowInsert.execute(getEntityManager(), "membership", List.of("group_id", "user_id", "role", "created_at"), rows,
                row -> Arrays.asList(row.classId(), row.userId(), row.role().id(), row.createdAt() == null ? now : row.createdAt()));
    }

    /** Up to {@code size} memberships with an id above {@code afterId}, in id order, as exported. */
    public List<KeyedRow<MembershipRow>> exportPage(long afterId, int size) {
        return getEntityManager().createQuery("select new org.rollcall.schoolclass.MembershipRepository$Exported(m.id, g.code,"
                + " u.username, m.role, m.createdAt) from Membership m join m.schoolClass g join m.user u where m.id > :after order by m.id",
                Exported.class).setParameter("after", afterId).setMaxResults(size).getResultList().stream()
                .map(e -> new KeyedRow<>(e.id(), new MembershipRow(e.code(), e.username(), e.role(), e.createdAt()))).toList();
    }

    public record Exported(long id, String code, String username, String role, Instant createdAt) {
    }

    public long deleteByUser(long userId) {
        return delete("user.id", userId);
    }

    public long deleteByClass(long classId) {
        return delete("schoolClass.id", classId);
    }

    /** Memberships in the classes the actor may see: every class for admins, the ones they teach for teachers. */
    public long countVisible(Actor actor) {
        if (actor.isAdmin()) {
            return count();
        }
        return count("schoolClass.id in (" + TeacherScope.TAUGHT_CLASS_IDS_JPQL + ")", Parameters.with("actorId", actor.id()));
    }
}
