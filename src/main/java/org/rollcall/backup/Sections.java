package org.rollcall.backup;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads one table's gzip member out of a data or keys file, by the offsets in the manifest. */
final class Sections {

    private Sections() {
    }

    static InputStream open(Path file, long offset, long length) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            raw.skipNBytes(offset);
            return new GZIPInputStream(new Bounded(raw, length), 1 << 16);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    static BufferedReader reader(Path file, long offset, long length) throws IOException {
        return new BufferedReader(new InputStreamReader(open(file, offset, length), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Stops at the end of the member, so gzip does not read on into the next table's. */
    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long length) {
            super(in);
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }
    }
}
