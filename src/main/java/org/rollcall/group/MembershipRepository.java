package org.rollcall.group;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.rollcall.user.UserDetail;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class MembershipRepository implements PanacheRepository<Membership> {

    public Optional<Membership> find(long groupId, long userId) {
        return find("group.id = ?1 and user.id = ?2", groupId, userId).firstResultOptional();
    }

    public boolean teaches(long userId, long groupId) {
        return count("group.id = ?1 and user.id = ?2 and role = 'teacher'", groupId, userId) > 0;
    }

    public List<UserDetail.ClassMembership> classesOf(long userId) {
        return getEntityManager().createQuery("select new org.rollcall.user.UserDetail$ClassMembership("
                + "m.group.code, m.group.name, m.group.term, m.role) from Membership m where m.user.id = :userId"
                + " order by m.group.term desc, m.group.code", UserDetail.ClassMembership.class)
                .setParameter("userId", userId).getResultList();
    }

    public List<MemberView> membersOf(long groupId) {
        return getEntityManager().createQuery("select new org.rollcall.group.MemberView(u.username, u.displayName,"
                + " u.roleName, m.role, u.enabled, m.createdAt) from Membership m join m.user u where m.group.id = :groupId"
                + " order by m.role desc, u.displayName, u.username", MemberView.class)
                .setParameter("groupId", groupId).getResultList();
    }

    public long deleteByUser(long userId) {
        return delete("user.id", userId);
    }

    public long deleteByGroup(long groupId) {
        return delete("group.id", groupId);
    }

    /** Memberships in the classes the actor may see: every class for admins, the ones they teach for teachers. */
    public long countVisible(org.rollcall.auth.Actor actor) {
        if (actor.isAdmin()) {
            return count();
        }
        return count("group.id in (select t.group.id from Membership t where t.user.id = ?1 and t.role = 'teacher')", actor.id());
    }
}
