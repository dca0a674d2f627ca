package org.rollcall.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.roster.RosterImport;
import org.rollcall.roster.RosterOptions;
import org.rollcall.roster.RosterReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import-users", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Import users from a CSV roster, as the web app's Users > Import does (docs/rosters.md).",
                "",
                "FILE: UTF-8, comma, semicolon or tab separated, a header line naming the columns: username (or name, or first"
                        + " name and last name), email, role, password, classes (codes separated by ';'), cohort1.., course1...",
                "Every row is checked with the web app's rules; the report lists each row's outcome and, for accounts created"
                        + " without a password, their one-time passwords (shown only here: keep them safe).",
                "" },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:Every row was imported (or, with --dry-run, would be).",
                "1:The file was refused whole (not CSV, too large, no username or name column, unknown class); nothing written.",
                "2:Wrong options.",
                "3:Some rows were rejected (listed with reasons); the others were imported." })
@Dependent
public class ImportUsersCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Option(names = "--class", paramLabel = "CODE", description = "A class every row joins.")
    String classCode;

    @Option(names = "--mode", defaultValue = "add-update", paramLabel = "MODE",
            description = "add (only create), update (only update) or add-update (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--dry-run", description = "Report what would be created, updated and rejected; write nothing.")
    boolean dryRun;

    @Inject
    RosterImport rosters;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        RosterOptions.Mode parsedMode;
        try {
            parsedMode = RosterOptions.Mode.parse(mode);
        } catch (DomainException e) {
            err.println("--mode must be add, update or add-update");
            return 2;
        }
        RosterReport report;
        try {
            report = rosters.run(Actor.SYSTEM, Files.readAllBytes(file), new RosterOptions(parsedMode, classCode, dryRun));
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (DomainException e) {
            err.println(file + " was not imported: " + e.getMessage());
            return 1;
        }
        print(report, out);
        return report.count(RosterReport.Outcome.REJECTED) == 0 ? 0 : 3;
    }

    static void print(RosterReport report, PrintStream out) {
        out.println((report.dryRun() ? "Dry run (nothing written): " : "Imported: ") + report.counts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse(""));
        if (!report.unknownColumns().isEmpty()) {
            out.println("Ignored columns: " + String.join(", ", report.unknownColumns()));
        }
        for (RosterReport.Row row : report.rows()) {
            String details = row.outcome() == RosterReport.Outcome.REJECTED ? "  " + row.reasonText()
                    : row.changes().isEmpty() ? "" : "  changes " + String.join(", ", row.changes());
            out.printf("line %d  %-9s %s%s%s%n", row.line(), row.outcome().id(), row.username() == null ? "-" : row.username(),
                    row.usernameGenerated() ? " (made from the name)" : "", details);
        }
        if (!report.oneTimePasswords().isEmpty()) {
            out.println();
            out.println("One-time passwords (shown only now; each must be changed at the first login):");
            report.oneTimePasswords().forEach(p -> out.printf("  %-30s %s%n", p.username(), p.password()));
        }
    }
}
