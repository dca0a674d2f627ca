package org.rollcall.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.oneroster.OneRosterImport;
import org.rollcall.oneroster.OneRosterReport;
import org.rollcall.transfer.ImportOutcome;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "oneroster-import", mixinStandardHelpOptions = true,
        description = { "Import a OneRoster 1.1 CSV zip: classes, users and enrollments, with the web app's rules.",
                "Roles student, teacher and administrator (-> admin); tobedeleted disables a user, never deletes one.",
                "Exit code 1 when any row was rejected (each is listed with its reason), 2 when the file is refused." })
@Dependent
public class OneRosterImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.zip", description = "The OneRoster zip to read.")
    Path input;

    @Option(names = "--dry-run", description = "Report what would happen; write nothing.")
    boolean dryRun;

    @Inject
    OneRosterImport importer;

    @Override
    public Integer call() throws IOException {
        OneRosterReport report;
        try (InputStream in = Files.newInputStream(input)) {
            report = importer.importZip(Actor.SYSTEM, in, dryRun);
        } catch (DomainException e) {
            System.err.println(input + ": " + (e.fieldErrors().isEmpty() ? e.getMessage() : e.fieldErrors().get(0).message()));
            return 2;
        }
        System.out.println(dryRun ? "Dry run: nothing was written. The import would do this:" : "Imported:");
        for (OneRosterReport.FileReport file : report.files()) {
            System.out.printf("  %-16s %s%n", file.file(), file.counts());
            file.outcomes().stream().filter(o -> o.action() == ImportOutcome.Action.REJECTED)
                    .forEach(o -> System.out.println("    rejected " + o.key() + ": " + o.reason()));
        }
        return report.rejected() > 0 ? 1 : 0;
    }
}
