package org.rollcall.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.rollcall.auth.Actor;
import org.rollcall.oneroster.OneRosterExport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "oneroster-export", mixinStandardHelpOptions = true,
        description = { "Write the school as a OneRoster 1.1 CSV bulk zip (manifest, orgs, academicSessions, courses, classes,"
                + " users, enrollments) for a student information system or learning tool. It holds no password." })
@Dependent
public class OneRosterExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.zip", description = "The zip to write.")
    Path output;

    @Option(names = "--force", description = "Overwrite FILE.zip if it exists.")
    boolean force;

    @Inject
    OneRosterExport export;

    @Override
    public Integer call() throws IOException {
        long[] counts = OutputFile.write(output, force, out -> export.write(Actor.SYSTEM, out));
        if (counts == null) {
            return 1;
        }
        System.out.printf("Exported %,d users, %,d classes and %,d enrollments as OneRoster 1.1 to %s%n", counts[0], counts[1], counts[2],
                output.toAbsolutePath().normalize());
        return 0;
    }
}
