package org.rollcall.user;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.rollcall.auth.Actor;
import org.rollcall.common.RollcallConfig;
import org.rollcall.schoolclass.ClassForm;
import org.rollcall.schoolclass.ClassRole;
import org.rollcall.schoolclass.ClassService;
import org.rollcall.schoolclass.MemberForm;

import io.quarkus.runtime.StartupEvent;

/**
 * In dev mode (rollcall.demo-data=true) a fresh database also gets a teacher, twenty students and
 * two classes, so a newcomer sees real pages; every demo student has the same demo password. Never
 * enabled in production.
 */
@ApplicationScoped
public class DemoRoster {

    static final String TEACHER_PASSWORD = "teacher-demo-1";
    static final String STUDENT_PASSWORD = "student-demo-1";
    private static final Logger LOG = Logger.getLogger(DemoRoster.class);
    private static final String[] NAMES = { "Ada Lovelace", "Alan Turing", "Grace Hopper", "Zoë Ñúñez", "李雷",
            "Katherine Johnson", "Linus Torvalds", "Margaret Hamilton", "Dennis Ritchie", "Barbara Liskov",
            "Ken Thompson", "Frances Allen", "Tim Berners-Lee", "Radia Perlman", "Edsger Dijkstra",
            "Hedy Lamarr", "John McCarthy", "Shafi Goldwasser", "Donald Knuth", "Sophie Wilson 🚀" };

    @Inject
    UserRepository users;
    @Inject
    UserService userService;
    @Inject
    ClassService classes;
    @Inject
    RollcallConfig config;

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (config.demoData() && !config.commandMode()) {
            load();
        }
    }

    @Transactional
    void load() {
        if (users.count() > 1 || users.findByUsername("teacher").isPresent()) {
            return;
        }
        userService.create(Actor.SYSTEM, new UserForm("teacher", "Terry Teacher", "teacher@example.org", Role.TEACHER,
                TEACHER_PASSWORD, false));
        var teacher = new Actor(users.findByUsername("teacher").orElseThrow().getId(), "teacher", Role.TEACHER);
        classes.create(teacher, new ClassForm("CSA", "AP Computer Science A", "2025-26", "1", "Java, objects and algorithms", null));
        classes.create(teacher, new ClassForm("CSP", "AP Computer Science Principles", "2025-26", "3", null, null));
        for (int i = 0; i < NAMES.length; i++) {
            String username = "student" + (i + 1);
            userService.create(teacher, new UserForm(username, NAMES[i], username + "@example.org", Role.STUDENT,
                    STUDENT_PASSWORD, false));
            classes.addMember(teacher, i % 2 == 0 ? "CSA" : "CSP", new MemberForm(username, ClassRole.STUDENT));
        }
        LOG.infof("Loaded the demo roster: log in as 'teacher' / '%s' or any of 'student1' to 'student20' / '%s'", TEACHER_PASSWORD, STUDENT_PASSWORD);
    }
}
