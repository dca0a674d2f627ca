package org.rollcall.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Filters become conditions on the stored columns, so the database's indexes serve them. */
class ScimFilterTest {

    private static ScimFilter.Condition users(String filter) {
        return ScimFilter.translate(ScimUsers.SCHEMA, filter);
    }

    @Test
    void userNameEqComparesTheStoredLowerCaseColumnAsItIsSoItsUniqueIndexServesIt() {
        ScimFilter.Condition condition = users("userName eq \"Ada.Lovelace\"");
        assertThat(condition.jpql()).isEqualTo("u.username = :p0");
        assertThat(condition.parameters()).containsExactly("ada.lovelace");
    }

    @Test
    void externalIdEqComparesTheDigestOfTheExactValueWithinTheClientsOwnIds() {
        ScimFilter.Condition condition = users("externalId eq \"Abc-1\"");
        assertThat(condition.jpql()).isEqualTo("u.id in (select x.key.resourceId from ExternalId x where x.key.clientId = :client"
                + " and x.key.resourceType = 'user' and x.digest = :p0)");
        assertThat(condition.parameters()).containsExactly(ProvisioningClients.digest("Abc-1"));
        assertThat(condition.parameters()).doesNotContain(ProvisioningClients.digest("abc-1"));
    }

    @Test
    void groupsDisplayNameEqUsesTheNameColumn() {
        ScimFilter.Condition condition = ScimFilter.translate(ScimGroups.SCHEMA, "displayName eq \"Year 9\"");
        assertThat(condition.jpql()).isEqualTo("g.name = :p0");
    }

    @Test
    void logicalOperatorsGroupingAndNotKeepTheirMeaning() {
        ScimFilter.Condition condition = users("(userName sw \"a\" or displayName co \"50%\") and not (active eq false)");
        assertThat(condition.jpql())
                .isEqualTo("((u.username like :p0 escape '!') or (u.displayName like :p1 escape '!')) and (not (u.enabled = :p2))");
        assertThat(condition.parameters()).containsExactly("a%", "%50!%%", false);
    }

    @Test
    void valueFiltersAndDatesAndPresence() {
        assertThat(users("emails[type eq \"work\" and value ew \"@school.org\"]").jpql())
                .isEqualTo("(u.email is not null) and (u.email like :p0 escape '!')");
        assertThat(users("emails[type eq \"home\"]").jpql()).isEqualTo("1 = 0");
        ScimFilter.Condition modified = users("meta.lastModified gt \"2026-01-31T08:00:00+01:00\"");
        assertThat(modified.jpql()).isEqualTo("u.updatedAt > :p0");
        assertThat(modified.parameters()).containsExactly(java.time.Instant.parse("2026-01-31T07:00:00Z"));
        assertThat(users("emails pr").jpql()).isEqualTo("u.email is not null");
        assertThat(users("id eq \"not-a-number\"").jpql()).isEqualTo("1 = 0");
        assertThat(users("groups.value eq \"12\"").jpql())
                .isEqualTo("u.id in (select m.user.id from Membership m where 1 = 1 and m.schoolClass.id = :p0)");
    }

    @Test
    void whatCannotBeAnsweredIsAnInvalidFilter() {
        for (String filter : List.of("userName eq", "userName xx \"a\"", "(userName eq \"a\"", "nickName eq \"a\"",
                "active gt true", "meta.created gt \"yesterday\"", "userName eq 5")) {
            assertThatThrownBy(() -> users(filter)).as(filter).isInstanceOfSatisfying(ScimException.class,
                    e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
        }
    }
}
