package org.rollcall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void theLargestValueFillsTheRoomAndOthersScale() {
        BarChart chart = BarChart.of("t", List.of(new BarChart.Entry("A", "/a", 30), new BarChart.Entry("B", "/b", 10),
                new BarChart.Entry("C", "/c", 0)));
        assertEquals(360, chart.rows().get(0).barWidth());
        assertEquals(120, chart.rows().get(1).barWidth());
        assertEquals(0, chart.rows().get(2).barWidth());
        assertEquals(90, chart.height());
    }

    @Test
    void longLabelsAreShortenedAndNoClassesMeansEmpty() {
        BarChart chart = BarChart.of("t", List.of(new BarChart.Entry("X".repeat(50), "/x", 1)));
        assertTrue(chart.rows().get(0).label().endsWith("…"));
        assertEquals(30, chart.rows().get(0).label().length());
        assertTrue(BarChart.of("t", List.of()).empty());
    }
}
