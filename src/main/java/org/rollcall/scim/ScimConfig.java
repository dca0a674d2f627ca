package org.rollcall.scim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** SCIM settings; see the configuration table in README.md. */
@ConfigMapping(prefix = "rollcall.scim")
public interface ScimConfig {

    /** ROLLCALL_SCIM_DELETE_USERS: DELETE /scim/v2/Users/{id} deletes the user; otherwise it disables them. */
    @WithDefault("false")
    boolean deleteUsers();
}
