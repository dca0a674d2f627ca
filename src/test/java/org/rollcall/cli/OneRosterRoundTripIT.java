package org.rollcall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.support.ExportFile;
import org.rollcall.support.PackagedCommand;
import org.rollcall.support.PackagedCommand.Result;
import org.rollcall.support.SourceFiles;


/**
 * oneroster-export, then oneroster-import into an EMPTY database, reproduces the users, classes and
 * enrollments: every field OneRoster carries (a class's description and the password hashes it does not).
 */
class OneRosterRoundTripIT {

    @TempDir
    Path scratch;

    private static TreeSet<String> lines(com.fasterxml.jackson.databind.node.ArrayNode array, List<String> fields) {
        TreeSet<String> lines = new TreeSet<>();
        StreamSupport.stream(array.spliterator(), false).forEach(n -> lines.add(String.join(" | ",
                fields.stream().map(f -> n.get(f) == null || n.get(f).isNull() ? "" : n.get(f).asText()).toList())));
        return lines;
    }

    private static void assertSameRoster(ExportFile expected, ExportFile actual) {
        assertThat(lines(actual.groups(), List.of("code", "name", "term", "period")))
                .isEqualTo(lines(expected.groups(), List.of("code", "name", "term", "period")));
        assertThat(lines(actual.users(), List.of("username", "displayName", "email", "role", "enabled")))
                .isEqualTo(lines(expected.users(), List.of("username", "displayName", "email", "role", "enabled")));
        assertThat(lines(actual.memberships(), List.of("group", "username", "role")))
                .isEqualTo(lines(expected.memberships(), List.of("group", "username", "role")));
    }

    @Test
    void exportThenImportIntoAnEmptyDatabaseReproducesTheRoster() {
        Map<String, String> source = PackagedCommand.h2(scratch.resolve("source"));
        Result seeded = PackagedCommand.run(scratch, source, "migrate", SourceFiles.write(scratch.resolve("seed.json"), 200, 8, 2, false).toString());
        assertThat(seeded.exitCode()).as(seeded.all()).isZero();
        Path zip = scratch.resolve("school.zip");
        Result exported = PackagedCommand.run(scratch, source, "oneroster-export", zip.toString());
        assertThat(exported.exitCode()).as(exported.all()).isZero();
        assertThat(exported.stdout()).contains("Exported 200 users, 8 classes and 400 enrollments as OneRoster 1.1");

        Map<String, String> empty = PackagedCommand.h2(scratch.resolve("empty"));
        Result preview = PackagedCommand.run(scratch, empty, "oneroster-import", zip.toString(), "--dry-run");
        assertThat(preview.exitCode()).as(preview.all()).isZero();
        assertThat(preview.stdout()).contains("Dry run: nothing was written").contains("created=200");
        assertThat(ExportFile.of(scratch, empty).users()).isEmpty();

        Result imported = PackagedCommand.run(scratch, empty, "oneroster-import", zip.toString());
        assertThat(imported.exitCode()).as(imported.all()).isZero();
        assertSameRoster(ExportFile.of(scratch, source), ExportFile.of(scratch, empty));

        Result again = PackagedCommand.run(scratch, empty, "oneroster-import", zip.toString());
        assertThat(again.stdout()).contains("unchanged=200").doesNotContain("created=1");
    }

    @Test
    void aMissingManifestRefusesTheWholeFile() throws Exception {
        Path zip = scratch.resolve("bad.zip");
        try (var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("users.csv"));
            out.write("sourcedId,username\nu-1,ada\n".getBytes());
        }
        Result result = PackagedCommand.run(scratch, PackagedCommand.h2(scratch.resolve("db")), "oneroster-import", zip.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("has no manifest.csv");
    }

}
