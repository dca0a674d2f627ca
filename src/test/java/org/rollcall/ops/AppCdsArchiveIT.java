package org.rollcall.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.support.PackagedApp;
import org.rollcall.support.PackagedCommand;
import org.rollcall.support.PackagedCommand.Result;

/**
 * scripts/build-appcds writes an AppCDS archive from a training run, and a start with it maps the
 * classes of the runtime start (H2, Hibernate's boot, Flyway) from the archive instead of loading
 * them from the jars, which Quarkus's own archive cannot do.
 */
class AppCdsArchiveIT {

    @TempDir
    Path scratch;

    @Test
    void aStartWithTheArchiveMapsTheRuntimeStartsClassesFromIt() throws Exception {
        Path app = PackagedCommand.jar().getParent();
        Path archive = app.resolve("app-cds.jsa");
        Files.deleteIfExists(archive);

        ProcessBuilder build = new ProcessBuilder("scripts/build-appcds").redirectErrorStream(true)
                .redirectOutput(scratch.resolve("build-appcds.txt").toFile());
        build.environment().put("JAVA", PackagedCommand.java());
        Process script = build.start();
        assertTrue(script.waitFor(3, TimeUnit.MINUTES), "scripts/build-appcds did not finish within 3 minutes");
        String built = Files.readString(scratch.resolve("build-appcds.txt"));
        assertEquals(0, script.exitValue(), built);
        assertTrue(Files.size(archive) > 0, built);

        // -Xshare:on: the start fails if the archive cannot be used; run from the app's directory,
        // as the archive names the jar relative to it
        List<String> command = new ArrayList<>(List.of(PackagedCommand.java(), "-Xshare:on", "-XX:SharedArchiveFile=app-cds.jsa",
                "-Xlog:class+load=info", "-Xmx256m"));
        command.addAll(PackagedApp.SHORT_RUN);
        command.addAll(List.of("-jar", "quarkus-run.jar", "backup", "list"));   // a command that starts the runtime
        Result status = PackagedCommand.startIn(app, scratch.resolve("status"), PackagedCommand.h2(scratch.resolve("data")), command)
                .finish();
        assertEquals(0, status.exitCode(), status.stderr());
        String loaded = status.stdout();
        assertTrue(loaded.contains("org.rollcall.cli.BackupCommand"), "the backup list command ran");
        for (String runtimeClass : List.of("org.h2.engine.Database", "org.hibernate.internal.SessionFactoryImpl",
                "org.flywaydb.core.Flyway")) {
            assertTrue(loaded.contains(runtimeClass + " source: shared objects file"),
                    runtimeClass + " is mapped from the archive, not loaded from its jar");
        }
    }
}
