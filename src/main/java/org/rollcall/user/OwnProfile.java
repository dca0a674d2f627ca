package org.rollcall.user;

import org.rollcall.common.Text;
import org.rollcall.user.UserFields.DisplayName;
import org.rollcall.user.UserFields.Email;

/** What a user may change about themself ("My profile", {@code PUT /api/me}), under the same rules as the user form. */
public record OwnProfile(@DisplayName String displayName, @Email String email) {

    public OwnProfile normalised() {
        return new OwnProfile(Text.trim(displayName), Text.lower(Text.emptyToNull(email)));
    }
}
