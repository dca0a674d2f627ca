package org.rollcall.oneroster;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.rollcall.common.DomainException;

/**
 * A OneRoster zip as read: its manifest and the rows of each data file it lists, by column name
 * (matched without regard to case). A file that is not a OneRoster zip is refused whole, with a
 * reason: no manifest, another version, a listed file missing, more than {@link #MAX_BYTES}.
 */
record OneRosterZip(Map<String, String> manifest, Map<String, List<Map<String, String>>> files) {

    static final long MAX_BYTES = 100L * 1024 * 1024;

    static OneRosterZip read(InputStream in) throws IOException {
        Map<String, String> texts = new HashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - total + 1));
                total += bytes.length;
                if (total > MAX_BYTES) {
                    throw refused("is larger than " + MAX_BYTES / (1024 * 1024) + " MB unpacked");
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                texts.put(name.toLowerCase(Locale.ROOT), new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException | java.util.zip.ZipException e) {
            throw refused("is not a readable zip file");
        }
        String manifestText = texts.get(OneRosterFiles.MANIFEST.toLowerCase(Locale.ROOT));
        if (manifestText == null) {
            throw refused(texts.isEmpty() ? "is not a zip file, or an empty one: a OneRoster 1.1 export is a zip with manifest.csv"
                    : "has no manifest.csv: a OneRoster 1.1 zip lists its files in manifest.csv");
        }
        Map<String, String> manifest = new HashMap<>();
        for (Map<String, String> row : rows(OneRosterFiles.MANIFEST, manifestText)) {
            manifest.put(row.getOrDefault("propertyname", "").strip(), row.getOrDefault("value", "").strip().toLowerCase(Locale.ROOT));
        }
        String version = manifest.get("oneroster.version");
        if (!"1.1".equals(version)) {
            throw refused("is OneRoster " + (version == null ? "of no stated version" : version)
                    + " (manifest.csv, oneroster.version): this import reads 1.1");
        }
        Map<String, List<Map<String, String>>> files = new HashMap<>();
        for (String file : OneRosterFiles.DATA_FILES.keySet()) {
            String mode = manifest.getOrDefault(OneRosterFiles.manifestKey(file), "absent");
            if (mode.equals("absent")) {
                continue;
            }
            String text = texts.get(file.toLowerCase(Locale.ROOT));
            if (text == null) {
                throw refused("lists " + file + " as " + mode + " in manifest.csv, but has no " + file);
            }
            files.put(file, rows(file, text));
        }
        return new OneRosterZip(manifest, files);
    }

    /** Whether the manifest sends this file as a delta (changes only) rather than bulk. */
    boolean delta(String file) {
        return "delta".equals(manifest.get(OneRosterFiles.manifestKey(file)));
    }

    List<Map<String, String>> rows(String file) {
        return files.getOrDefault(file, List.of());
    }

    private static List<Map<String, String>> rows(String file, String text) throws IOException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Map<String, String>> rows = new ArrayList<>();
        try {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get()
                    .parse(new StringReader(body));
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            for (CSVRecord record : parser) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    row.put(header.get(i), record.get(i).strip());
                }
                rows.add(row);
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw refused("has a " + file + " that is not readable CSV: " + e.getMessage());
        }
        return rows;
    }

    private static DomainException refused(String why) {
        return DomainException.invalid("file", "The file " + why + ".");
    }
}
