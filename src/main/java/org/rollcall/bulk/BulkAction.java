package org.rollcall.bulk;

import java.util.Arrays;
import java.util.List;

import org.rollcall.access.AccessPolicy;
import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a bulk action does to each selected user, as the API and the pages name it. */
public enum BulkAction {
    ADD_TO_CLASS("add-to-class", "Add to class"),
    REMOVE_FROM_CLASS("remove-from-class", "Remove from class"),
    DISABLE("disable", "Disable"),
    ENABLE("enable", "Enable"),
    RESET_PASSWORDS("reset-passwords", "Reset passwords"),
    CHANGE_ROLE("change-role", "Change role"),
    DELETE("delete", "Delete");

    private final String id;
    private final String label;

    BulkAction(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean needsClass() {
        return this == ADD_TO_CLASS || this == REMOVE_FROM_CLASS;
    }

    /** Changing roles and deleting are for admins; the rest for teachers and admins, user by user. */
    public boolean adminOnly() {
        return this == CHANGE_ROLE || this == DELETE;
    }

    public static BulkAction parse(String value) {
        return Arrays.stream(values()).filter(a -> a.id.equalsIgnoreCase(value == null ? "" : value.strip())).findFirst()
                .orElseThrow(() -> DomainException.invalid("action", "must be one of "
                        + String.join(", ", Arrays.stream(values()).map(BulkAction::id).toList())));
    }

    /** The actions the actor may start, in the order the pages offer them. */
    public static List<BulkAction> offeredTo(Actor actor) {
        return Arrays.stream(values()).filter(a -> AccessPolicy.isStaff(actor) && (!a.adminOnly() || actor.isAdmin())).toList();
    }
}
