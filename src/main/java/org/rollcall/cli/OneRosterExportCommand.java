package org.rollcall.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        Path file = output.toAbsolutePath().normalize();
        if (Files.exists(file) && !force) {
            System.err.println(file + " exists. Give another file, or --force to overwrite it.");
            return 1;
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".oneroster-", ".tmp");
        long[] counts;
        try (OutputStream out = Files.newOutputStream(temp)) {
            counts = export.write(Actor.SYSTEM, out);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("Exported %,d users, %,d classes and %,d enrollments as OneRoster 1.1 to %s%n", counts[0], counts[1], counts[2], file);
        return 0;
    }
}
