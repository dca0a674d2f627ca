package org.rollcall.roster;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rollcall.common.DomainException;

/**
 * A roster file read: UTF-8 with or without a byte order mark (what Excel and Google Sheets write),
 * separated by commas, semicolons or tabs (whichever the header line holds most of), fields
 * quoted as spreadsheets quote them, newlines inside quotes included. A file that cannot be a
 * roster is refused whole with a reason ({@link Refused}), before anything is decided.
 */
record RosterFile(List<String> header, RosterColumns columns, List<Line> lines) {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_ROWS = 50_000;

    /** One row of the file: its line as a spreadsheet numbers it (the header is line 1) and its cells. */
    record Line(long number, List<String> cells) {
    }

    /** A file refused whole, with the status the API answers. */
    static final class Refused extends DomainException {
        Refused(int status, String title, String detail) {
            super(status, title, detail, List.of());
        }
    }

    /** A roster of one row typed into a form rather than read from a file. */
    static RosterFile of(List<String> header, List<String> cells) {
        return new RosterFile(header, RosterColumns.of(header), List.of(new Line(2, cells.stream().map(c -> c == null ? "" : c).toList())));
    }

    /** Whether a Content-Type names a CSV (or plain text, or the type browsers give a .csv on Windows). */
    static boolean isCsvType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return List.of("text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "text/tab-separated-values").contains(type);
    }

    static RosterFile read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new Refused(413, "File too large", "The file is larger than 10 MB: split it into several files of up to "
                    + "50,000 rows and import them one after the other.");
        }
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new Refused(400, "Empty file", "The file is empty: it needs a header line (e.g. username,name,email) and a row per person.");
        }
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(true).get();
        List<String> header = null;
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (lines.size() == MAX_ROWS) {
                    throw new Refused(413, "Too many rows", "The file has more than 50,000 rows: split it into several files and"
                            + " import them one after the other.");
                }
                lines.add(new Line(record.getRecordNumber(), cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new Refused(400, "Not a CSV file", "The file cannot be read as CSV: " + firstLine(e)
                    + ". Save the spreadsheet as \"CSV UTF-8\" and upload that.");
        }
        RosterColumns columns = RosterColumns.of(header);
        if (!columns.identifiesRows()) {
            throw new Refused(400, "No username or name column", "The first line must name the columns, with a username column"
                    + " (username, user or login) or a name column (name, or first name and last name); it reads: "
                    + abbreviate(String.join(String.valueOf(delimiter), header)));
        }
        return new RosterFile(header, columns, lines);
    }

    /** The text, when the bytes are UTF-8 text: a NUL or bytes that are not UTF-8 refuse the file. */
    private static String decode(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw new Refused(415, "Not a CSV file", "The file holds binary data, not text: save the spreadsheet as"
                        + " \"CSV UTF-8\" and upload that.");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Refused(415, "Not a CSV file", "The file is not UTF-8 text: save the spreadsheet as \"CSV UTF-8\""
                    + " (in Excel: Save As > CSV UTF-8) and upload that.");
        }
    }

    /** The separator the header line uses most: comma, semicolon or tab (comma when it holds none). */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = 0;
        for (char candidate : new char[] { ',', ';', '\t' }) {
            long count = first.chars().filter(c -> c == candidate).count();
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }

    private static String firstLine(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse("");
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
