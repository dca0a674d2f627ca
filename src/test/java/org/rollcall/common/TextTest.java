package org.rollcall.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void oneOfAThingIsSingularAndThousandsAreGrouped() {
        assertEquals("1 second", Text.count(1, "second"));
        assertEquals("0 seconds", Text.count(0, "second"));
        assertEquals("1 user", Text.count(1, "user"));
        assertEquals("12,000 users", Text.count(12_000, "user"));
        assertEquals("2 classes", Text.count(2, "class"));
    }
}
