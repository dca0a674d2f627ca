package org.rollcall.roster;

/** One student's login card: who, how they log in the first time, and their class (codes, or empty). */
public record LoginCard(String displayName, String username, String password, String classes) {
}
