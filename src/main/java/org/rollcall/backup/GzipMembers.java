package org.rollcall.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The data and keys files of a backup are a run of gzip members, one per table, each found by the
 * offset and length the manifest records for it. This writes one member and reads one back alone.
 */
final class GzipMembers {

    private GzipMembers() {
    }

    /** A writer for one table's member; closing it ends the member and leaves {@code out} open for the next. */
    static Writer writer(OutputStream out) throws IOException {
        OutputStream unclosable = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush(); // ends this table's gzip member; the file stays open for the next table
            }
        };
        GZIPOutputStream gzip = new GZIPOutputStream(unclosable, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        return new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
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
