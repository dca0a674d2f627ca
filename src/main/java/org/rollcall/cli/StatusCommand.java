package org.rollcall.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.rollcall.common.RollcallConfig;
import org.rollcall.schoolclass.ClassRepository;
import org.rollcall.schoolclass.MembershipRepository;
import org.rollcall.user.Role;
import org.rollcall.user.UserRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show which database is selected, its schema version and what it holds.")
@Dependent
public class StatusCommand implements Callable<Integer> {

    @Inject
    RollcallConfig config;
    @Inject
    Flyway flyway;
    @Inject
    UserRepository users;
    @Inject
    ClassRepository classes;
    @Inject
    MembershipRepository memberships;

    @Override
    public Integer call() {
        var current = flyway.info().current();
        System.out.println("Database:       " + config.database().description());
        System.out.println("Schema version: " + (current == null ? "none" : current.getVersion() + " (" + current.getDescription() + ")"));
        QuarkusTransaction.requiringNew().run(() -> {
            System.out.printf("Users:          %d (%d admins, %d teachers, %d students)%n", users.count(),
                    users.countByRole(Role.ADMIN), users.countByRole(Role.TEACHER), users.countByRole(Role.STUDENT));
            System.out.println("Classes:        " + classes.count());
            System.out.println("Memberships:    " + memberships.count());
        });
        return 0;
    }
}
