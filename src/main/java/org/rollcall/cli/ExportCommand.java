package org.rollcall.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.rollcall.auth.Actor;
import org.rollcall.common.RollcallConfig;
import org.rollcall.schoolclass.ClassRow;
import org.rollcall.schoolclass.MembershipRow;
import org.rollcall.transfer.ClassTransfer;
import org.rollcall.transfer.MembershipTransfer;
import org.rollcall.transfer.UserTransfer;
import org.rollcall.transfer.source.RollcallJson;
import org.rollcall.user.UserRow;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {
                "Write every class, user and membership of this database to a JSON file that 'migrate' reads.",
                "",
                "For example, to move from H2 to MySQL: export here, then migrate FILE on the new instance.",
                "",
                "The file holds the users' password hashes (Argon2id, bcrypt or legacy PBKDF2), so that they keep their passwords:"
                        + " it is created readable by you only. Keep it as safe as the database." })
@Dependent
public class ExportCommand implements Callable<Integer> {

    private static final int PAGE = 1000;
    private static final int TIMEOUT_SECONDS = 6 * 3600;

    @Option(names = { "-o", "--output" }, required = true, paramLabel = "FILE", description = "The file to write.")
    Path output;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Inject
    ClassTransfer classes;
    @Inject
    UserTransfer users;
    @Inject
    MembershipTransfer memberships;
    @Inject
    RollcallConfig config;

    @Override
    public Integer call() throws IOException {
        long[] counts = OutputFile.write(output, force, stream -> {
            try (JsonGenerator json = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                RollcallJson.writeHeader(json, config.database().description(), Instant.now());
                // One transaction: on MySQL (repeatable read) the three lists are one consistent snapshot.
                long[] written = QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> new long[] {
                        writeArray(json, RollcallJson.CLASSES, () -> classes.export(Actor.SYSTEM, PAGE,
                                page -> each(page, (ClassRow g) -> RollcallJson.write(json, g)))),
                        writeArray(json, RollcallJson.USERS, () -> users.export(Actor.SYSTEM, PAGE,
                                page -> each(page, (UserRow u) -> RollcallJson.write(json, u)))),
                        writeArray(json, RollcallJson.MEMBERSHIPS, () -> memberships.export(Actor.SYSTEM, PAGE,
                                page -> each(page, (MembershipRow m) -> RollcallJson.write(json, m)))) });
                json.writeEndObject();
                return written;
            }
        });
        if (counts == null) {
            return 1;
        }
        System.out.printf("Exported %,d classes, %,d users and %,d memberships from %s%n to %s%n", counts[0], counts[1], counts[2],
                config.database().description(), output.toAbsolutePath().normalize());
        System.out.println("The file contains password hashes: keep it as safe as the database, and delete it when done.");
        return 0;
    }

    private interface Writer<T> {
        void write(T row) throws IOException;
    }

    private interface Exporter {
        long run();
    }

    private static long writeArray(JsonGenerator json, String name, Exporter exporter) throws IOException {
        json.writeArrayFieldStart(name);
        long count = exporter.run();
        json.writeEndArray();
        return count;
    }

    private static <T> void each(Iterable<T> page, Writer<T> writer) {
        try {
            for (T row : page) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
