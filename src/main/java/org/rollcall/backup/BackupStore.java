package org.rollcall.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The backup directory: one sub-directory per backup holding manifest.json, data.ndjson.gz and
 * keys.ndjson.gz. Every file is written under a temporary name and renamed into place, so a
 * backup that failed or was killed never has files that look complete; its manifest says
 * COMPLETED only after its data files are in place.
 */
final class BackupStore {

    static final String ID_PATTERN = "\\d{8}-\\d{6}-[0-9a-f]{4}";
    static final String MANIFEST = "manifest.json";
    static final String DATA = "data.ndjson.gz";
    static final String KEYS = "keys.ndjson.gz";
    private static final String LOCK = ".lock";
    private static final Logger LOG = Logger.getLogger(BackupStore.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build(); // a newer Rollcall may add fields

    private final Path dir;

    BackupStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    String newId(Instant now) {
        return ID_TIME.format(now) + "-" + HexFormat.of().toHexDigits((short) RANDOM.nextInt(1 << 16));
    }

    Path file(String id, String name) {
        if (!id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("not a backup id: " + id);
        }
        return dir.resolve(id).resolve(name);
    }

    /** A new backup's directory; fails rather than reuse one that exists. */
    void create(Manifest manifest) throws IOException {
        ensurePrivateDirectory(dir);
        Path own = dir.resolve(manifest.id());
        try {
            Files.createDirectory(own);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("backup directory " + own + " already exists", e);
        }
        restrict(own, "rwx------");
        write(manifest);
    }

    void write(Manifest manifest) throws IOException {
        Path target = file(manifest.id(), MANIFEST);
        Path part = partOf(target);
        Files.write(part, JSON.writeValueAsBytes(manifest));
        publish(part);
    }

    /** The temporary name a file is written under until it is complete. */
    Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    void publish(Path part) throws IOException {
        String name = part.getFileName().toString();
        Path target = part.resolveSibling(name.substring(0, name.length() - ".part".length()));
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    Optional<Manifest> read(String id) {
        if (id == null || !id.matches(ID_PATTERN)) {
            return Optional.empty();
        }
        Path path = file(id, MANIFEST);
        try {
            Manifest m = JSON.readValue(path.toFile(), Manifest.class);
            return m.id() != null && m.id().equals(id) ? Optional.of(m) : Optional.empty();
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warnf("Ignoring %s: its manifest cannot be read (%s)", path, e.getMessage());
            return Optional.empty();
        }
    }

    /** Every backup found in the directory, newest first. */
    List<Manifest> scan() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Manifest> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> n.matches(ID_PATTERN))
                    .forEach(id -> read(id).ifPresent(found::add));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the backup directory " + dir, e);
        }
        found.sort(Comparator.comparing(Manifest::createdAt).thenComparing(Manifest::id).reversed());
        return found;
    }

    void delete(String id) throws IOException {
        Path own = file(id, MANIFEST).getParent();
        // the manifest goes first: a half-deleted backup must not look like a backup any more
        Files.deleteIfExists(own.resolve(MANIFEST));
        try (Stream<Path> files = Files.list(own)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            return;
        }
        Files.deleteIfExists(own);
    }

    void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", path, e.getMessage());
        }
    }

    /**
     * Held while a backup or a restore runs, so two Rollcall processes sharing this directory
     * (the server and a shell command) never run one at the same time. Null when another
     * process holds it.
     */
    FileLock tryLockAcrossProcesses() throws IOException {
        ensurePrivateDirectory(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return lock;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    static void release(FileLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            LOG.warnf("Could not release the backup lock: %s", e.getMessage());
        }
    }

    /** Size and SHA-256 of a file, read in full. */
    static Manifest.FileEntry measure(Path path) throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                size += n;
            }
        }
        return new Manifest.FileEntry(path.getFileName().toString(), size, HexFormat.of().formatHex(digest.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The backup's directory as a zip (id/manifest.json, id/data..., id/keys...), to copy elsewhere. */
    void zip(Manifest m, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of(MANIFEST, DATA, KEYS)) {
                Path path = file(m.id(), name);
                if (Files.exists(path)) {
                    ZipEntry entry = new ZipEntry(m.id() + "/" + name);
                    zip.putNextEntry(entry);
                    Files.copy(path, zip);
                    zip.closeEntry();
                }
            }
        }
    }

    private static void ensurePrivateDirectory(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            Files.createDirectories(path);
            restrict(path, "rwx------");
        }
    }

    private static void restrict(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory keeps the platform's default permissions
        }
    }
}
