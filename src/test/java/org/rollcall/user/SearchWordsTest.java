package org.rollcall.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void eachWordStartRunsToTheEndOfItsFieldFolded() {
        assertThat(SearchWords.of("ada.lovelace", "Ada  Lovelace-Byron", "Ada_L@Example.ORG")).containsExactlyInAnyOrder(
                "ada.lovelace", "lovelace",
                "ada lovelace-byron", "lovelace-byron", "byron",
                "ada_l@example.org", "l@example.org", "example.org", "org");
    }

    @Test
    void accentsAndCaseAreFoldedTheSameWayForWordsAndTerms() {
        assertThat(SearchWords.of("zoe", "Zoë Ñúñez Straße Søren", null)).contains("zoe nunez strasse soren", "strasse soren", "soren");
        assertThat(SearchWords.term("  ZOË ")).isEqualTo("zoe");
        assertThat(SearchWords.term("@Example.org")).isEqualTo("example.org");
        assertThat(SearchWords.term(" .-@ ")).isNull();
    }

    @Test
    void longTextsAreCutToWhatTheColumnHolds() {
        String longName = "a".repeat(300);
        assertThat(SearchWords.of("u", longName, null)).allMatch(w -> w.length() <= SearchWords.MAX_LENGTH);
        assertThat(SearchWords.term(longName)).hasSize(SearchWords.MAX_LENGTH);
    }
}
