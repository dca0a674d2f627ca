package org.rollcall.schoolclass;

/** A class in a list, with how many students and teachers it has. */
public record ClassSummary(String code, String name, String term, String period, long students, long teachers) {
}
