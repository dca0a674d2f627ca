package org.rollcall.roster;

/**
 * What every CSV Rollcall writes does to a cell: one that a spreadsheet would read as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, so that it
 * shows as the text it is and never runs (OWASP "CSV injection").
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The cell as it is safe to write; null and empty stay as they are (an empty cell). */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
