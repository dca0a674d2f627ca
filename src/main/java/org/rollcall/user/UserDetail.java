package org.rollcall.user;

import java.util.List;

import org.rollcall.schoolclass.ClassRole;

/** One user with the classes they belong to. */
public record UserDetail(UserView user, List<ClassMembership> groups) {

    public record ClassMembership(String code, String name, String term, ClassRole role) {

        /** JPQL constructor expression: the role arrives as the stored string. */
        public ClassMembership(String code, String name, String term, String role) {
            this(code, name, term, ClassRole.parse(role));
        }
    }
}
