package org.rollcall.bulk;

import java.util.Arrays;
import java.util.List;

import org.rollcall.access.AccessPolicy;
import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a bulk action does to each selected user, as the API and the pages name it. */
public enum BulkAction {
    ADD_TO_CLASS("add-to-class", "Add to class", "Add %s to the class"),
    REMOVE_FROM_CLASS("remove-from-class", "Remove from class", "Remove %s from the class"),
    DISABLE("disable", "Disable", "Disable %s"),
    ENABLE("enable", "Enable", "Enable %s"),
    RESET_PASSWORDS("reset-passwords", "Reset passwords", "Reset the passwords of %s"),
    CHANGE_ROLE("change-role", "Change role", "Change the role of %s"),
    DELETE("delete", "Delete", "Delete %s");

    private final String id;
    private final String label;
    private final String sentence;

    BulkAction(String id, String label, String sentence) {
        this.id = id;
        this.label = label;
        this.sentence = sentence;
    }

    /** What the action does, said of its users: "Reset the passwords of 3 users". */
    public String sentence(String users) {
        return String.format(sentence, users);
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

    public boolean switchesEnabled() {
        return this == ENABLE || this == DISABLE;
    }

    /** Changing roles and deleting are for admins; the rest for teachers and admins, user by user. */
    public boolean adminOnly() {
        return this == CHANGE_ROLE || this == DELETE;
    }

    /** Refuses a teacher the admins' actions. */
    public void requireAllowed(Actor actor) {
        if (adminOnly()) {
            AccessPolicy.requireAdmin(actor, this == DELETE ? "delete users" : "change roles");
        }
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
