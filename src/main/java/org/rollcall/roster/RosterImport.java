package org.rollcall.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.access.AccessPolicy;
import org.rollcall.auth.Actor;
import org.rollcall.auth.Passwords;
import org.rollcall.common.DomainException;
import org.rollcall.common.Validation;
import org.rollcall.roster.RosterReport.Outcome;
import org.rollcall.schoolclass.ClassRepository;
import org.rollcall.schoolclass.ClassRole;
import org.rollcall.schoolclass.ClassService;
import org.rollcall.schoolclass.MembershipRow;
import org.rollcall.schoolclass.SchoolClass;
import org.rollcall.transfer.ImportOutcome;
import org.rollcall.transfer.ImportRun;
import org.rollcall.transfer.MembershipTransfer;
import org.rollcall.transfer.UserTransfer;
import org.rollcall.user.Role;
import org.rollcall.user.User;
import org.rollcall.user.UserRepository;
import org.rollcall.user.UserRow;
import org.rollcall.user.UserService;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports a roster file: reads it, checks every row against the permissions matrix and the
 * import's mode, then hands the rows to the bulk engine (users, then their classes), which applies
 * the web app's rules and writes in chunks; a dry run is the preview. The page, the API and the
 * command all come through here.
 */
@ApplicationScoped
public class RosterImport {

    static final int CHUNK = 500;

    @Inject
    UserRepository users;
    @Inject
    ClassRepository classes;
    @Inject
    AccessPolicy policy;
    @Inject
    Validation validation;
    @Inject
    UserTransfer userTransfer;
    @Inject
    MembershipTransfer membershipTransfer;

    public RosterReport run(Actor actor, byte[] file, RosterOptions options) {
        AccessPolicy.requireStaff(actor, "users");
        return run(actor, RosterFile.read(file), options);
    }

    /** One new student enrolled in a class (the class page's "Add a new student"): a roster of one row. */
    public RosterReport addStudent(Actor actor, String classCode, String name, String username, String email) {
        return run(actor, RosterFile.of(List.of("name", "username", "email"), java.util.Arrays.asList(name, username, email)),
                new RosterOptions(RosterOptions.Mode.ADD, classCode, false));
    }

    private RosterReport run(Actor actor, RosterFile roster, RosterOptions options) {
        AccessPolicy.requireStaff(actor, "users");
        String fixedClass = options.classCode() == null || options.classCode().isBlank() ? null
                : QuarkusTransaction.requiringNew().call(() -> requireManagedClass(actor, options.classCode()));
        List<Draft> drafts = roster.lines().stream().map(line -> new Draft(line, roster.columns(), fixedClass)).toList();
        QuarkusTransaction.requiringNew().run(() -> check(actor, drafts, options));
        apply(actor, drafts, options.dryRun());
        List<RosterReport.Row> rows = drafts.stream().map(Draft::row).toList();
        List<RosterReport.OneTimePassword> passwords = options.dryRun() ? List.of() : drafts.stream()
                .filter(d -> d.oneTimePassword != null && d.outcome == Outcome.CREATE)
                .map(d -> new RosterReport.OneTimePassword(d.username, d.oneTimePassword)).toList();
        return new RosterReport(options.dryRun(), options.mode().id(), fixedClass, RosterReport.count(rows),
                roster.columns().unknown(), rows, passwords, roster.header());
    }

    /** The class every row joins, when the actor manages it (a teacher: teaches it); its code as stored. */
    private String requireManagedClass(Actor actor, String code) {
        SchoolClass schoolClass = classes.findByCode(ClassService.normaliseCode(code))
                .orElseThrow(() -> AccessPolicy.noSuchClass(actor, code));
        return policy.requireManage(actor, schoolClass).getCode();
    }

    /** Everything that can be decided from the file and the database before the engine runs; read only. */
    private void check(Actor actor, List<Draft> drafts, RosterOptions options) {
        Set<String> givenNames = drafts.stream().map(d -> d.givenUsername).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> emailOwners = users.emailOwners(drafts.stream().map(d -> d.email).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        // a row without a username whose email is someone's is that someone: uploading it again changes nothing
        drafts.stream().filter(d -> d.username == null && d.email != null && emailOwners.containsKey(d.email))
                .forEach(d -> d.username = emailOwners.get(d.email));
        Set<String> known = new HashSet<>(givenNames);
        drafts.stream().filter(d -> d.username != null).forEach(d -> known.add(d.username));
        Set<String> stems = drafts.stream().filter(d -> d.username == null).map(d -> Usernames.stem(d.name)).collect(Collectors.toSet());
        Set<String> storedStems = users.existingUsernames(stems);
        Usernames generator = new Usernames(known, candidate -> stems.contains(candidate) ? storedStems.contains(candidate)
                : !users.existingUsernames(List.of(candidate)).isEmpty());
        for (Draft d : drafts) {
            if (d.username == null) {
                d.username = generator.next(d.name);
                d.generated = d.username != null;
            }
        }
        Map<String, User> existing = users.findByUsernames(drafts.stream().map(d -> d.username).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<String, SchoolClass> named = classes.findByCodes(drafts.stream().flatMap(d -> d.classes.stream()).collect(Collectors.toSet()));
        Set<Long> manageable = policy.manageableClassIds(actor, named.values().stream().map(SchoolClass::getId).toList());
        Map<String, Long> usernameLines = new HashMap<>();
        Map<String, Long> emailLines = new HashMap<>();
        for (Draft d : drafts) {
            d.existing = d.username == null ? null : existing.get(d.username);
            checkRow(actor, d, options.mode(), emailOwners);
            for (String code : d.classes) {
                SchoolClass schoolClass = named.get(code);
                if (schoolClass == null && actor.isAdmin()) {
                    d.reject("classes", "no class '" + code + "'");
                } else if (schoolClass == null || !manageable.contains(schoolClass.getId())) {
                    d.reject("classes", "'" + code + "' is not a class you teach");
                }
            }
            Long first = d.username == null ? null : usernameLines.putIfAbsent(d.username, d.line.number());
            if (first != null) {
                d.reject("username", "appears more than once in the file (first on line " + first + ")");
            }
            Long firstEmail = d.email == null ? null : emailLines.putIfAbsent(d.email, d.line.number());
            if (firstEmail != null) {
                d.reject("email", "appears more than once in the file (first on line " + firstEmail + ")");
            }
        }
    }

    private void checkRow(Actor actor, Draft d, RosterOptions.Mode mode, Map<String, String> emailOwners) {
        if (d.username == null) {
            d.reject("username", d.name == null ? "is required (or a name to make one from)" : "cannot be made from this name: give one");
        }
        Role role = null;
        try {
            role = Role.parseField("role", d.roleAfter());
        } catch (DomainException e) {
            d.reject("role", e.fieldErrors().get(0).message());
        }
        if (d.existing != null && !AccessPolicy.canManage(actor, d.existing.getRole())) {
            d.reject("username", AccessPolicy.taken(actor, "username"));
        } else if (d.existing != null && !mode.updates()) {
            d.reject("username", "already exists (mode add only creates)");
        } else if (d.existing == null && d.username != null && !mode.creates()) {
            d.reject("username", "no user '" + d.username + "' (mode update only updates)");
        } else if (role != null && !AccessPolicy.canAssign(actor, role)) {
            d.reject("role", "only an admin can import " + role.id() + "s");
        }
        String owner = d.email == null ? null : emailOwners.get(d.email);
        if (owner != null && !owner.equals(d.username)) {
            d.reject("email", actor.isAdmin() ? "is already used by user '" + owner + "'" : AccessPolicy.taken(actor, "email"));
        }
        if (d.password != null) {
            try {
                UserService.checkPasswordRules("password", d.password);
            } catch (DomainException e) {
                d.reject("password", e.fieldErrors().get(0).message());
            }
        }
        if (d.existing == null && d.name == null && d.username != null) {
            d.reject("name", "is required for a new user");
        }
        try {
            validation.check(candidate(d, null).normalised());
        } catch (DomainException e) {
            e.fieldErrors().forEach(f -> d.reject(column(f.field()), f.message()));
        }
    }

    /** The user as the row would leave it: the file's values over the stored ones. */
    private static UserRow candidate(Draft d, String passwordHash) {
        User u = d.existing;
        if (u == null) {
            return new UserRow(d.username, d.name, d.email, d.roleAfter(), passwordHash, true, true, null, null, null);
        }
        boolean newPassword = passwordHash != null;
        return new UserRow(d.username, d.name != null ? d.name : u.getDisplayName(), d.email != null ? d.email : u.getEmail(),
                d.roleAfter(), passwordHash, u.isEnabled(), newPassword || u.isMustChangePassword(), null, null, null);
    }

    /** Hands the rows that passed to the engine: users first, then the classes of those it accepted. */
    private void apply(Actor actor, List<Draft> drafts, boolean dryRun) {
        ImportRun run = new ImportRun(dryRun);
        List<Draft> valid = drafts.stream().filter(d -> !d.rejected()).toList();
        List<UserRow> rows = new ArrayList<>(valid.size());
        for (Draft d : valid) {
            d.passwordChanges = d.password != null && (d.existing == null || !Passwords.matches(d.password, d.existing.getPasswordHash()));
            rows.add(candidate(d, dryRun ? null : passwordHash(d)));
            String clear = d.password != null && d.passwordChanges ? d.password : d.oneTimePassword;
            if (!dryRun && clear != null) {
                run.newPassword(d.username, clear);   // for Kasm, which keeps its own login
            }
        }
        List<ImportOutcome> outcomes = userTransfer.importAll(actor, rows, run, CHUNK);
        List<MembershipRow> memberships = new ArrayList<>();
        List<Draft> owners = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            Draft d = valid.get(i);
            ImportOutcome outcome = outcomes.get(i);
            if (outcome.action() == ImportOutcome.Action.REJECTED) {
                reasons(outcome).forEach(r -> d.reject(column(r[0]), r[1]));
                continue;
            }
            d.outcome = switch (outcome.action()) {
                case CREATED -> Outcome.CREATE;
                case UPDATED -> Outcome.UPDATE;
                default -> Outcome.UNCHANGED;
            };
            changes(d, rows.get(i));
            if (d.outcome == Outcome.UNCHANGED && d.passwordChanges && d.existing != null) {
                d.outcome = Outcome.UPDATE;   // a dry run leaves the hash out: the engine cannot see the new password
            }
            String classRole = Role.STUDENT.id().equals(d.roleAfter()) ? ClassRole.STUDENT.id() : ClassRole.TEACHER.id();
            for (String code : d.classes) {
                memberships.add(new MembershipRow(code, d.username, classRole, null));
                owners.add(d);
            }
        }
        List<ImportOutcome> joined = membershipTransfer.importAll(actor, memberships, run, CHUNK);
        for (int i = 0; i < joined.size(); i++) {
            Draft d = owners.get(i);
            ImportOutcome outcome = joined.get(i);
            if (outcome.action() == ImportOutcome.Action.REJECTED) {
                d.reject("classes", memberships.get(i).group() + ": " + outcome.reason());
            } else if (outcome.action() != ImportOutcome.Action.UNCHANGED && d.outcome != Outcome.CREATE) {
                d.outcome = Outcome.UPDATE;
                if (!d.changes.contains("classes")) {
                    d.changes.add("classes");
                }
            }
        }
    }

    /** A new account's password: the file's (Argon2id, as the user form) or a generated one-time one. */
    private static String passwordHash(Draft d) {
        if (d.password != null) {
            return d.passwordChanges ? Passwords.hash(d.password) : null;
        }
        if (d.existing != null) {
            return null;
        }
        d.oneTimePassword = Passwords.generate();
        return Passwords.hashGenerated(d.oneTimePassword);
    }

    private static void changes(Draft d, UserRow row) {
        User u = d.existing;
        if (u == null) {
            return;
        }
        if (!u.getDisplayName().equals(row.displayName())) {
            d.changes.add("name");
        }
        if (!Objects.equals(u.getEmail(), row.email())) {
            d.changes.add("email");
        }
        if (!u.getRoleName().equals(row.role())) {
            d.changes.add("role");
        }
        if (d.passwordChanges) {
            d.changes.add("password");
        }
    }

    /** "field: message; field: message" as the engine gives them, split. */
    private static List<String[]> reasons(ImportOutcome outcome) {
        List<String[]> reasons = new ArrayList<>();
        for (String part : outcome.reason().split("; ")) {
            int colon = part.indexOf(": ");
            reasons.add(colon < 0 ? new String[] { "row", part } : new String[] { part.substring(0, colon), part.substring(colon + 2) });
        }
        return reasons;
    }

    /** The roster column a user field comes from. */
    private static String column(String field) {
        return switch (field) {
            case "displayName" -> "name";
            case "passwordHash" -> "password";
            default -> field;
        };
    }
}
