package org.rollcall.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.auth.Passwords;
import org.rollcall.backup.SafetyBackup;
import org.rollcall.common.RollcallConfig;
import org.rollcall.schoolclass.ClassForm;
import org.rollcall.schoolclass.ClassRepository;
import org.rollcall.schoolclass.ClassRole;
import org.rollcall.schoolclass.ClassService;
import org.rollcall.schoolclass.MemberForm;
import org.rollcall.schoolclass.MembershipRepository;
import org.rollcall.user.Role;
import org.rollcall.user.UserForm;
import org.rollcall.user.UserRepository;
import org.rollcall.user.UserService;

import io.quarkus.narayana.jta.QuarkusTransaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Set up this database with starter records.",
                "",
                "This database is the one DB_* or ROLLCALL_DATA_DIR selects. The starter records are an admin, a teacher,"
                        + " four students and two classes. The admin's password comes from ADMIN_PASSWORD, or is generated and"
                        + " shown once.",
                "",
                "This is DESTRUCTIVE when the database holds data: it shows what would be lost and deletes all users, classes"
                        + " and memberships. On a terminal you confirm by typing the database name. Without a terminal it refuses"
                        + " unless given --yes, and also --force when the database holds data. A backup is taken first when the"
                        + " backup feature is installed. A refused run changes nothing.",
                "",
                "With --create-app-user it only creates a MySQL account for the web app with data rights (SELECT, INSERT,"
                        + " UPDATE, DELETE) on this database; run it with the master account. Nothing else is changed.",
                "" },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:Done.", "1:Refused or failed; nothing was changed.", "2:Wrong options." })
@Dependent
public class InitCommand implements Callable<Integer> {

    static final List<String> STUDENT_NAMES = List.of("Ada Lovelace", "Alan Turing", "Grace Hopper", "Zoë Ñúñez");

    @Option(names = "--yes", description = "Run without a terminal (scripts, CI). Alone, only on an empty database.")
    boolean yes;

    @Option(names = "--force", description = "With --yes: also when the database holds data, which is deleted.")
    boolean force;

    @Option(names = "--create-app-user", paramLabel = "NAME",
            description = "Only create the MySQL user NAME for the web app, with data rights on this database.")
    String appUser;

    @Option(names = "--app-user-host", defaultValue = "%", paramLabel = "HOST",
            description = "Host the app user may connect from (default: ${DEFAULT-VALUE}, any host).")
    String appUserHost;

    @Option(names = "--app-password", arity = "0..1", interactive = true, paramLabel = "PASSWORD",
            description = "Ask for the app user's password (default: APP_DB_PASSWORD, else one is generated and shown once).")
    String appPassword;

    @Inject
    RollcallConfig rollcall;
    @Inject
    Config config;
    @Inject
    UserService userService;
    @Inject
    ClassService classService;
    @Inject
    UserRepository users;
    @Inject
    ClassRepository classes;
    @Inject
    MembershipRepository memberships;
    @Inject
    SafetyBackup backup;
    @Inject
    AuditLog audit;
    @Inject
    Terminal terminal;
    @Inject
    AppDatabaseUser appDatabaseUser;

    private record Counts(long users, long admins, long teachers, long students, long classes, long memberships) {
        boolean empty() {
            return users + classes + memberships == 0;
        }
    }

    private static final List<String> STARTER_CLASSES = List.of("CSA", "CSP");

    private record Starter(String role, String username, String password, boolean fromEnvironment) {
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (appUser != null) {
            return createAppUser(out, err);
        }
        String name = databaseName();
        out.println("Database: " + rollcall.database().description());
        Counts counts = QuarkusTransaction.requiringNew().call(() -> new Counts(users.count(), users.countByRole(Role.ADMIN),
                users.countByRole(Role.TEACHER), users.countByRole(Role.STUDENT), classes.count(), memberships.count()));
        if (!counts.empty()) {
            out.printf("It holds %,d users (admins: %,d, teachers: %,d, students: %,d), %,d classes and %,d memberships.%n",
                    counts.users(), counts.admins(), counts.teachers(), counts.students(), counts.classes(), counts.memberships());
            out.println("init DELETES all of them, with their passwords and tokens, and creates starter records.");
        }
        if (!terminal.interactive()) {
            if (!yes || (!counts.empty() && !force)) {
                err.println(!yes ? "Refused: init is not running on a terminal, so it cannot ask. Give --yes to run it"
                        + (counts.empty() ? "." : ", and --force to delete the data above.")
                        : "Refused: the database holds data. Give --force as well to delete it.");
                err.println("Nothing was changed.");
                return 1;
            }
        } else if (!counts.empty()) {
            String typed = terminal.readLine("Type the database name (" + name + ") to delete all of this: ");
            if (typed == null || !typed.strip().equals(name)) {
                err.println("Not confirmed" + (typed == null ? "" : ": '" + typed.strip() + "' is not '" + name + "'") + ". Nothing was changed.");
                return 1;
            }
        }
        if (!counts.empty()) {
            Optional<String> taken = backup.takeIfData("before init");
            out.println(taken.map(id -> "Safety backup taken before deleting anything: " + id)
                    .orElse("No backup was taken: the database held no data by then."));
        }
        List<Starter> starters = QuarkusTransaction.requiringNew().call(() -> {
            long classes = classService.deleteAllClasses(Actor.SYSTEM);
            long users = userService.deleteAllUsers(Actor.SYSTEM);
            List<Starter> made = createStarterRecords();
            audit.record(Actor.SYSTEM, AuditAction.DATABASE_INIT, "this database", String.format("deleted %d users and %d classes"
                    + " with their memberships; created %d users and %d classes", users, classes, made.size(), STARTER_CLASSES.size()));
            return made;
        });
        out.println();
        out.println("Created the starter records:");
        for (Starter s : starters) {
            out.printf("  %-8s %-12s %s%n", s.role(), s.username(), s.fromEnvironment() ? "password from ADMIN_PASSWORD"
                    : "one-time password " + s.password() + " (to be changed at first login)");
        }
        out.printf("  classes  CSA and CSP (%s), taught by 'teacher', two students each%n", schoolYear(LocalDate.now()));
        if (starters.stream().anyMatch(s -> !s.fromEnvironment())) {
            out.println("The one-time passwords are shown only now.");
        }
        return 0;
    }

    private List<Starter> createStarterRecords() {
        List<Starter> created = new ArrayList<>();
        String adminPassword = rollcall.admin().password().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = adminPassword == null;
        String password = generated ? Passwords.generate() : adminPassword;
        String admin = rollcall.admin().username();
        userService.create(Actor.SYSTEM, new UserForm(admin, "Administrator", null, Role.ADMIN, password, generated));
        created.add(new Starter("admin", admin, password, !generated));
        created.add(createOneTime("teacher", "Terry Teacher", Role.TEACHER));
        String term = schoolYear(LocalDate.now());
        classService.create(Actor.SYSTEM, new ClassForm("CSA", "AP Computer Science A", term, null, null, null));
        classService.create(Actor.SYSTEM, new ClassForm("CSP", "AP Computer Science Principles", term, null, null, null));
        for (String code : STARTER_CLASSES) {
            classService.addMember(Actor.SYSTEM, code, new MemberForm("teacher", ClassRole.TEACHER));
        }
        for (int i = 0; i < STUDENT_NAMES.size(); i++) {
            Starter student = createOneTime("student" + (i + 1), STUDENT_NAMES.get(i), Role.STUDENT);
            created.add(student);
            classService.addMember(Actor.SYSTEM, i < 2 ? "CSA" : "CSP", new MemberForm(student.username(), ClassRole.STUDENT));
        }
        return created;
    }

    private Starter createOneTime(String username, String displayName, Role role) {
        String password = Passwords.generate();
        userService.create(Actor.SYSTEM, new UserForm(username, displayName, null, role, password, true));
        return new Starter(role.id(), username, password, false);
    }

    /** The school year a class starting today belongs to, e.g. 2025-26 from August 2025 to July 2026. */
    static String schoolYear(LocalDate today) {
        int start = today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }

    /** What the operator types back: the MySQL database name, or the H2 database's path. */
    private String databaseName() {
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        if (url.startsWith("jdbc:mysql://")) {
            String rest = url.substring("jdbc:mysql://".length()).split("\\?", 2)[0];
            return rest.substring(rest.indexOf('/') + 1);
        }
        String path = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        return path.startsWith("file:") ? path.substring("file:".length()) : path;
    }

    private int createAppUser(PrintStream out, PrintStream err) {
        if (!"MYSQL".equals(rollcall.database().kind())) {
            err.println("Refused: --create-app-user needs MySQL. The embedded H2 database has no database users of its own;"
                    + " set DB_ENDPOINT, DB_USERNAME and DB_PASSWORD (the master account) to create one on MySQL.");
            return 1;
        }
        if (!appUser.matches(AppDatabaseUser.NAME_PATTERN) || !appUserHost.matches(AppDatabaseUser.HOST_PATTERN)) {
            err.println("The app user's name may have letters, digits and '_' (at most 32), and its host letters, digits and . _ % : -");
            return 2;
        }
        String password = appPassword != null && !appPassword.isBlank() ? appPassword
                : config.getOptionalValue("APP_DB_PASSWORD", String.class).filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = Passwords.generate() + Passwords.generate();
        }
        try {
            String database = appDatabaseUser.create(appUser, appUserHost, password);
            out.printf("Created the MySQL user '%s'@'%s' with SELECT, INSERT, UPDATE and DELETE on `%s` only.%n", appUser,
                    appUserHost, database);
            out.println(generated ? "Its password, shown only now: " + password
                    : "Its password is the one given " + (appPassword != null ? "at the prompt." : "in APP_DB_PASSWORD."));
            out.println("Run the web app with DB_USERNAME=" + appUser + " and that DB_PASSWORD. Keep the master account for"
                    + " init, migrate and upgrades that change the schema.");
            return 0;
        } catch (java.sql.SQLException e) {
            err.println("Could not create the app user: " + e.getMessage());
            return 1;
        }
    }
}
