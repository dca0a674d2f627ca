package org.rollcall.scim;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;

/**
 * A SCIM filter (parsed by the UnboundID SCIM 2 SDK) translated into a JPQL condition over one
 * resource type's attributes, so a filter runs in the database and uses its indexes
 * ({@code userName eq} the unique username key, {@code externalId eq} the client's externalId key,
 * {@code displayName eq} the name indexes). Values are always bound as parameters.
 */
final class ScimFilter {

    /** How an attribute is stored, which decides how it is compared. */
    enum Kind {
        /** Stored lower-cased (username, email, role): the value is lower-cased, the column compared as it is (indexed). */
        LOWERED,
        /** Stored upper-cased (class codes). */
        UPPERED,
        /** Compared as stored; case-insensitive where the database collation is (MySQL's default). */
        TEXT,
        /** Case-exact text (externalId): eq and ne compare the value's SHA-256 in {@code <alias>.digest} (indexed); others the text. */
        EXACT,
        BOOLEAN, DATETIME,
        /** A numeric id that SCIM shows as a string. */
        ID,
        /** Always {@code value} for a present {@code jpql} column (emails.type "work", emails.primary true). */
        CONSTANT
    }

    /**
     * An attribute: {@code jpql} an expression over the root alias; or, with {@code subquery}, a
     * condition "root id in (subquery where ... compared)", where {@code jpql} is the expression
     * compared inside the subquery.
     */
    record Attribute(String jpql, Kind kind, String subquery, Object constant) {
        static Attribute column(String jpql, Kind kind) {
            return new Attribute(jpql, kind, null, null);
        }

        static Attribute in(String subquery, String compared, Kind kind) {
            return new Attribute(compared, kind, subquery, null);
        }

        static Attribute constant(String presentColumn, Object value) {
            return new Attribute(presentColumn, Kind.CONSTANT, null, value);
        }

        boolean sortable() {
            return subquery == null && kind != Kind.CONSTANT;
        }
    }

    /** The attributes of one resource type by lower-cased path ("username", "name.formatted", "urn:...:role"). */
    record Schema(String coreUrn, String root, Map<String, Attribute> attributes) {
        Attribute resolve(Path path, String prefix) {
            String key = key(path, prefix);
            Attribute attribute = attributes.get(key);
            if (attribute == null) {
                throw ScimException.invalidFilter("Filtering on '" + path + "' is not supported.");
            }
            return attribute;
        }

        String key(Path path, String prefix) {
            StringBuilder key = new StringBuilder();
            String urn = path.getSchemaUrn();
            if (urn != null && !urn.equalsIgnoreCase(coreUrn)) {
                key.append(urn.toLowerCase(Locale.ROOT)).append(':');
            }
            if (prefix != null) {
                key.append(prefix).append('.');
            }
            for (int i = 0; i < path.size(); i++) {
                if (i > 0) {
                    key.append('.');
                }
                key.append(path.getElement(i).getAttribute().toLowerCase(Locale.ROOT));
            }
            return key.toString();
        }
    }

    /** The condition and its parameters, named p0, p1, ... */
    record Condition(String jpql, List<Object> parameters) {
    }

    private final Schema schema;
    private final List<Object> parameters = new ArrayList<>();

    private ScimFilter(Schema schema) {
        this.schema = schema;
    }

    static Filter parse(String filter) {
        try {
            return Filter.fromString(filter);
        } catch (BadRequestException | RuntimeException e) {
            throw ScimException.invalidFilter("The filter is not valid: " + e.getMessage());
        }
    }

    /** The JPQL condition for a filter; "1 = 1" for none. */
    static Condition translate(Schema schema, String filter) {
        if (filter == null || filter.isBlank()) {
            return new Condition("1 = 1", List.of());
        }
        ScimFilter translator = new ScimFilter(schema);
        String jpql = translator.condition(parse(filter), null);
        return new Condition(jpql, translator.parameters);
    }

    /** The expression to order by for a sortBy path. */
    static String sortExpression(Schema schema, String sortBy) {
        Path path;
        try {
            path = Path.fromString(sortBy);
        } catch (BadRequestException | RuntimeException e) {
            throw ScimException.invalidValue("sortBy is not an attribute path: " + e.getMessage());
        }
        Attribute attribute = schema.attributes().get(schema.key(path, null));
        if (attribute == null || !attribute.sortable()) {
            throw ScimException.invalidValue("Sorting by '" + sortBy + "' is not supported.");
        }
        return attribute.jpql();
    }

    private String condition(Filter filter, String prefix) {
        FilterType type = filter.getFilterType();
        switch (type) {
            case AND:
            case OR: {
                List<String> parts = new ArrayList<>();
                for (Filter part : filter.getCombinedFilters()) {
                    parts.add("(" + condition(part, prefix) + ")");
                }
                return String.join(type == FilterType.AND ? " and " : " or ", parts);
            }
            case NOT:
                return "not (" + condition(filter.getInvertedFilter(), prefix) + ")";
            case COMPLEX_VALUE: {
                if (prefix != null) {
                    throw ScimException.invalidFilter("A value filter cannot be nested in another.");
                }
                Path path = filter.getAttributePath();
                String inner = schema.key(path, null);
                return condition(filter.getValueFilter(), inner);
            }
            case PRESENT:
                return present(schema.resolve(filter.getAttributePath(), prefix));
            default:
                return compare(schema.resolve(filter.getAttributePath(), prefix), type, filter.getComparisonValue());
        }
    }

    private String present(Attribute attribute) {
        if (attribute.subquery() != null) {
            return schema.root() + ".id in (" + attribute.subquery() + ")";
        }
        return attribute.jpql() + " is not null";
    }

    private String compare(Attribute attribute, FilterType op, JsonNode value) {
        if (attribute.kind() == Kind.CONSTANT) {
            boolean matches = constantMatches(attribute.constant(), op, value);
            return matches ? attribute.jpql() + " is not null" : "1 = 0";
        }
        String expression = attribute.jpql();
        String condition = switch (attribute.kind()) {
            case BOOLEAN -> booleanCompare(expression, op, value);
            case DATETIME -> ordered(expression, op, bind(instant(value)));
            case ID -> idCompare(expression, op, value);
            default -> textCompare(expression, attribute.kind(), op, value);
        };
        if (attribute.subquery() == null) {
            return op == FilterType.NOT_EQUAL && attribute.kind() != Kind.ID ? "(" + expression + " is null or " + condition + ")" : condition;
        }
        // a multi-valued attribute (externalId of this client, members, groups): some value matches
        return schema.root() + ".id in (" + attribute.subquery() + " and " + condition + ")";
    }

    private String textCompare(String expression, Kind kind, FilterType op, JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw ScimException.invalidFilter("Compare this attribute with a string.");
        }
        String text = switch (kind) {
            case LOWERED -> value.textValue().toLowerCase(Locale.ROOT);
            case UPPERED -> value.textValue().toUpperCase(Locale.ROOT);
            default -> value.textValue();
        };
        if (kind == Kind.EXACT && (op == FilterType.EQUAL || op == FilterType.NOT_EQUAL)) {
            String digest = expression.substring(0, expression.indexOf('.')) + ".digest";
            return digest + (op == FilterType.EQUAL ? " = " : " <> ") + bind(ProvisioningClients.digest(text));
        }
        return switch (op) {
            case CONTAINS -> expression + " like " + bind("%" + escapeLike(text) + "%") + " escape '!'";
            case STARTS_WITH -> expression + " like " + bind(escapeLike(text) + "%") + " escape '!'";
            case ENDS_WITH -> expression + " like " + bind("%" + escapeLike(text)) + " escape '!'";
            default -> ordered(expression, op, bind(text));
        };
    }

    private String booleanCompare(String expression, FilterType op, JsonNode value) {
        boolean wanted = ScimJson.bool(value == null ? com.fasterxml.jackson.databind.node.NullNode.instance : value, "the filter's value");
        return switch (op) {
            case EQUAL -> expression + " = " + bind(wanted);
            case NOT_EQUAL -> expression + " <> " + bind(wanted);
            default -> throw ScimException.invalidFilter("A boolean attribute can only be compared with eq or ne.");
        };
    }

    private String idCompare(String expression, FilterType op, JsonNode value) {
        Long id = null;
        if (value != null && value.isTextual()) {
            try {
                id = Long.valueOf(value.textValue());
            } catch (NumberFormatException e) {
                id = null;
            }
        }
        if (op != FilterType.EQUAL && op != FilterType.NOT_EQUAL) {
            throw ScimException.invalidFilter("An id can only be compared with eq or ne.");
        }
        if (id == null) {
            return op == FilterType.EQUAL ? "1 = 0" : "1 = 1";   // no resource has an id that is not ours
        }
        return expression + (op == FilterType.EQUAL ? " = " : " <> ") + bind(id);
    }

    private static String ordered(String expression, FilterType op, String parameter) {
        String operator = switch (op) {
            case EQUAL -> " = ";
            case NOT_EQUAL -> " <> ";
            case GREATER_THAN -> " > ";
            case GREATER_OR_EQUAL -> " >= ";
            case LESS_THAN -> " < ";
            case LESS_OR_EQUAL -> " <= ";
            default -> throw ScimException.invalidFilter("Operator " + op + " does not apply to this attribute.");
        };
        return expression + operator + parameter;
    }

    private static boolean constantMatches(Object constant, FilterType op, JsonNode value) {
        boolean equal;
        if (constant instanceof Boolean b) {
            equal = value != null && (value.isBoolean() || value.isTextual()) && ScimJson.bool(value, "the filter's value") == b;
        } else {
            equal = value != null && value.isTextual() && value.textValue().equalsIgnoreCase(constant.toString());
        }
        return switch (op) {
            case EQUAL -> equal;
            case NOT_EQUAL -> !equal;
            case CONTAINS, STARTS_WITH, ENDS_WITH -> value != null && value.isTextual()
                    && constant.toString().toLowerCase(Locale.ROOT).contains(value.textValue().toLowerCase(Locale.ROOT));
            default -> throw ScimException.invalidFilter("Operator " + op + " does not apply to this attribute.");
        };
    }

    private static Instant instant(JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw ScimException.invalidFilter("Compare a date with an xsd:dateTime string such as \"2026-01-31T08:00:00Z\".");
        }
        try {
            return java.time.OffsetDateTime.parse(value.textValue()).toInstant();
        } catch (DateTimeParseException e) {
            throw ScimException.invalidFilter("'" + value.textValue() + "' is not an xsd:dateTime such as \"2026-01-31T08:00:00Z\".");
        }
    }

    private String bind(Object value) {
        parameters.add(value);
        return ":p" + (parameters.size() - 1);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
