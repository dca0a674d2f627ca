package org.rollcall.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart laid out on the server, drawn as inline SVG by the template: no script,
 * readable by screen readers (each bar carries its label and number as text).
 */
public record BarChart(String title, List<Row> rows, int width, int height, int labelWidth) {

    public record Entry(String label, String href, long value) {
    }

    public record Row(String label, String href, long value, int y, int barWidth, int textY, int valueX) {
    }

    private static final int ROW = 30;
    private static final int BAR = 20;
    private static final int WIDTH = 640;
    private static final int LABEL_WIDTH = 220;
    private static final int VALUE_ROOM = 60;

    public static BarChart of(String title, List<Entry> entries) {
        long max = entries.stream().mapToLong(Entry::value).max().orElse(0);
        int room = WIDTH - LABEL_WIDTH - VALUE_ROOM;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            int bar = max == 0 ? 0 : (int) Math.round((double) e.value() * room / max);
            int y = i * ROW + (ROW - BAR) / 2;
            rows.add(new Row(shorten(e.label()), e.href(), e.value(), y, Math.max(bar, e.value() > 0 ? 2 : 0), y + BAR / 2 + 5,
                    LABEL_WIDTH + bar + 6));
        }
        return new BarChart(title, rows, WIDTH, Math.max(ROW, entries.size() * ROW), LABEL_WIDTH);
    }

    public boolean empty() {
        return rows.isEmpty();
    }

    private static String shorten(String label) {
        return label.length() <= 30 ? label : label.substring(0, 29) + "…";
    }
}
