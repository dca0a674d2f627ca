package org.rollcall.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        list.sort(NaturalOrder.TEXT);
        return list;
    }

    @Test
    void numbersInNamesGoByTheirValue() {
        assertEquals(List.of("student1", "student2", "student10", "student10b", "student100"),
                sorted("student10", "student100", "student2", "student10b", "student1"));
        assertEquals(List.of("Group 9 Term 2", "Group 9 Term 10", "Group 10 Term 1"),
                sorted("Group 10 Term 1", "Group 9 Term 10", "Group 9 Term 2"));
        assertEquals(List.of("student", "student7", "student07b", "students"), sorted("students", "student07b", "student7", "student"));
    }

    @Test
    void lettersGoAsPeopleReadThemWhateverTheirCaseOrAccent() {
        assertEquals(List.of("ada", "Alan", "Zoë Nunez", "Zoe Zed", "zoë Zed"), sorted("zoë Zed", "Zoe Zed", "Alan", "Zoë Nunez", "ada"));
        assertEquals(List.of("Ken 2", "ken 2"), sorted("ken 2", "Ken 2"));
    }

    @Test
    void aNumberLongerThanALongStillHasItsPlace() {
        assertEquals(List.of("id 99999999999999999999", "id 100000000000000000000"),
                sorted("id 100000000000000000000", "id 99999999999999999999"));
    }
}
