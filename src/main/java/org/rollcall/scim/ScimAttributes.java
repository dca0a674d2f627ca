package org.rollcall.scim;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.unboundid.scim2.common.Path;

/**
 * The attribute names a PATCH path may name, per resource type: every attribute of RFC 7643's
 * schemas (the enterprise extension included) and Rollcall's extensions. Those Rollcall does not
 * keep (title, addresses, phoneNumbers, the enterprise attributes...) are accepted and ignored, as
 * identity providers send them by default; a name in none of these schemas is refused
 * ({@code invalidPath}), as is a change to a read-only one ({@code mutability}).
 */
final class ScimAttributes {

    static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final Set<String> MULTI = Set.of("value", "display", "type", "primary", "$ref");

    private static final Map<String, Set<String>> USER = Map.ofEntries(
            Map.entry("id", Set.of()), Map.entry("externalid", Set.of()), Map.entry("meta", Set.of()), Map.entry("schemas", Set.of()),
            Map.entry("username", Set.of()), Map.entry("displayname", Set.of()), Map.entry("nickname", Set.of()),
            Map.entry("profileurl", Set.of()), Map.entry("title", Set.of()), Map.entry("usertype", Set.of()),
            Map.entry("preferredlanguage", Set.of()), Map.entry("locale", Set.of()), Map.entry("timezone", Set.of()),
            Map.entry("active", Set.of()), Map.entry("password", Set.of()),
            Map.entry("name", Set.of("formatted", "familyname", "givenname", "middlename", "honorificprefix", "honorificsuffix")),
            Map.entry("emails", MULTI), Map.entry("phonenumbers", MULTI), Map.entry("ims", MULTI), Map.entry("photos", MULTI),
            Map.entry("groups", MULTI), Map.entry("entitlements", MULTI), Map.entry("roles", MULTI), Map.entry("x509certificates", MULTI),
            Map.entry("addresses", Set.of("formatted", "streetaddress", "locality", "region", "postalcode", "country", "type", "primary")));
    private static final Map<String, Set<String>> ENTERPRISE = Map.of("employeenumber", Set.of(), "costcenter", Set.of(),
            "organization", Set.of(), "division", Set.of(), "department", Set.of(), "manager", Set.of("value", "$ref", "displayname"));
    private static final Map<String, Set<String>> ROLLCALL_USER = Map.of("role", Set.of(), "mustchangepassword", Set.of());
    private static final Map<String, Set<String>> GROUP = Map.of("id", Set.of(), "externalid", Set.of(), "meta", Set.of(),
            "schemas", Set.of(), "displayname", Set.of(), "members", MULTI);
    private static final Map<String, Set<String>> ROLLCALL_GROUP = Map.of("code", Set.of(), "term", Set.of(), "period", Set.of(),
            "description", Set.of(), "teachers", Set.of("value"));

    /** The resource types' schemas: core URN, then each extension URN with its attributes. */
    static final Map<String, Map<String, Map<String, Set<String>>>> SCHEMAS = Map.of(
            ScimJson.CORE_USER, Map.of(ScimJson.CORE_USER.toLowerCase(Locale.ROOT), USER,
                    ENTERPRISE_USER.toLowerCase(Locale.ROOT), ENTERPRISE, ScimJson.ROLLCALL_USER.toLowerCase(Locale.ROOT), ROLLCALL_USER),
            ScimJson.CORE_GROUP, Map.of(ScimJson.CORE_GROUP.toLowerCase(Locale.ROOT), GROUP,
                    ScimJson.ROLLCALL_GROUP.toLowerCase(Locale.ROOT), ROLLCALL_GROUP));

    private ScimAttributes() {
    }

    /** Refuses a PATCH path that names no attribute of the resource type, or a read-only one. */
    static void checkPatchPath(String coreUrn, Path path) {
        Map<String, Map<String, Set<String>>> schemas = SCHEMAS.get(coreUrn);
        String urn = path.getSchemaUrn() == null ? coreUrn.toLowerCase(Locale.ROOT) : path.getSchemaUrn().toLowerCase(Locale.ROOT);
        Map<String, Set<String>> attributes = schemas.get(urn);
        if (attributes == null) {
            throw ScimException.invalidPath("'" + path + "' names a schema this resource does not have.");
        }
        if (path.size() == 0) {
            return;   // the extension as a whole
        }
        String top = path.getElement(0).getAttribute().toLowerCase(Locale.ROOT);
        Set<String> subs = attributes.get(top);
        if (subs == null || path.size() > 2 || (path.size() == 2 && !subs.contains(path.getElement(1).getAttribute().toLowerCase(Locale.ROOT)))) {
            throw ScimException.invalidPath("'" + path + "' is not an attribute of this resource.");
        }
        boolean core = urn.equalsIgnoreCase(coreUrn);
        if ((core && Set.of("id", "meta", "schemas").contains(top)) || (core && coreUrn.equals(ScimJson.CORE_USER) && top.equals("groups"))
                || top.equals("mustchangepassword")) {
            throw ScimException.mutability("'" + path + "' is read-only.");
        }
    }
}
