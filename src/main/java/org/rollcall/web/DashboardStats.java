package org.rollcall.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.rollcall.access.AccessPolicy;
import org.rollcall.auth.Actor;
import org.rollcall.common.PageRequest;
import org.rollcall.schoolclass.ClassRepository;
import org.rollcall.schoolclass.ClassService;
import org.rollcall.schoolclass.MembershipRepository;
import org.rollcall.user.Role;
import org.rollcall.user.UserDetail;
import org.rollcall.user.UserRepository;
import org.rollcall.user.UserService;

/**
 * The figures on the dashboard, each limited to what the actor may see: admins the whole school,
 * teachers all students and their own classes, students their own classes.
 */
@ApplicationScoped
public class DashboardStats {

    public record Stat(String label, long value, String href) {
    }

    public record View(List<Stat> stats, BarChart classSizes, List<UserDetail.ClassMembership> myClasses) {
    }

    static final int CHART_CLASSES = 12;

    @Inject
    UserRepository users;
    @Inject
    ClassRepository classes;
    @Inject
    MembershipRepository memberships;
    @Inject
    ClassService classService;
    @Inject
    UserService userService;

    @Transactional(Transactional.TxType.SUPPORTS)
    public View of(Actor actor) {
        List<UserDetail.ClassMembership> mine = userService.classesOf(actor);
        if (!AccessPolicy.isStaff(actor)) {
            return new View(List.of(), BarChart.of("", List.of()), mine);
        }
        List<Stat> stats = new ArrayList<>();
        Map<Role, Long> byRole = users.countByRoles();
        stats.add(new Stat("Students", byRole.get(Role.STUDENT), "/users?role=student"));
        if (actor.isAdmin()) {
            stats.add(new Stat("Teachers", byRole.get(Role.TEACHER), "/users?role=teacher"));
            stats.add(new Stat("Admins", byRole.get(Role.ADMIN), "/users?role=admin"));
            stats.add(new Stat("Disabled accounts", users.countDisabled(), "/users?enabled=false"));
        }
        long classCount = classService.search(actor, null, null, PageRequest.of(0, 1)).total();
        stats.add(new Stat(actor.isAdmin() ? "Classes" : "Your classes", classCount, "/classes"));
        stats.add(new Stat(actor.isAdmin() ? "Class memberships" : "Memberships in your classes", memberships.countVisible(actor), null));
        List<BarChart.Entry> bars = classes.largest(actor, CHART_CLASSES).stream()
                .map(g -> new BarChart.Entry(g.code() + " · " + g.name(), "/classes/" + g.code(), g.students()))
                .toList();
        return new View(stats, BarChart.of(actor.isAdmin() ? "Students per class (largest classes)" : "Students in your classes", bars), mine);
    }
}
