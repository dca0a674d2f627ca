package org.rollcall.roster;

/** Spreadsheet formulas out of every CSV cell Rollcall writes (OWASP "CSV injection"). */
public final class CsvCells {

    private CsvCells() {
    }

    /** The cell, with a leading {@code '} when it starts with a character a spreadsheet would read as a formula. */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
