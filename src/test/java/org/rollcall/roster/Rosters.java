package org.rollcall.roster;

import java.nio.charset.StandardCharsets;

import org.rollcall.support.Api;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Posting roster files to the API in tests. */
final class Rosters {

    private Rosters() {
    }

    static ValidatableResponse post(RequestSpecification as, String csv, String query) {
        return post(as, csv.getBytes(StandardCharsets.UTF_8), query);
    }

    static ValidatableResponse post(RequestSpecification as, byte[] file, String query) {
        return as.contentType("text/csv").body(file).post("/api/users/import" + (query == null ? "" : "?" + query)).then();
    }

    static ValidatableResponse asAdmin(String csv, String query) {
        return post(Api.asAdmin(), csv, query);
    }
}
