package org.rollcall.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file a command writes: into a temporary file readable by its owner only, renamed into place
 * once whole, so that a run that fails or is stopped never leaves half a file under the name given.
 */
final class OutputFile {

    private OutputFile() {
    }

    interface Content<T> {
        T write(OutputStream out) throws IOException;
    }

    /** Writes {@code file}; returns null, having said why on stderr, when it exists and {@code force} is off. */
    static <T> T write(Path output, boolean force, Content<T> content) throws IOException {
        Path file = output.toAbsolutePath().normalize();
        if (Files.exists(file) && !force) {
            System.err.println(file + " exists. Give another file, or --force to overwrite it.");
            return null;
        }
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = createPrivateFile(dir);
        T result;
        try (OutputStream stream = Files.newOutputStream(temp)) {
            result = content.write(stream);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return result;
    }

    private static Path createPrivateFile(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, ".rollcall-export-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(dir, ".rollcall-export-", ".tmp");
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Cannot create a temporary file in " + dir, e);
        }
    }
}
