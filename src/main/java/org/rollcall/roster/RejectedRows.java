package org.rollcall.roster;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rows an import rejected, as a CSV to fix and upload again: the file's own columns, then an
 * {@code error} column with the reasons. Written as Excel reads it (UTF-8 with a byte order mark),
 * every cell neutralised against formulas ({@link CsvCells}).
 */
final class RejectedRows {

    private RejectedRows() {
    }

    static String csv(RosterReport report) {
        List<String> header = new ArrayList<>(report.header());
        header.add("error");
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header.stream().map(CsvCells::safe).toList());
            for (RosterReport.Row row : report.rejected()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < report.header().size(); i++) {
                    cells.add(CsvCells.safe(i < row.cells().size() ? row.cells().get(i) : ""));
                }
                cells.add(CsvCells.safe(row.reasonText()));
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
