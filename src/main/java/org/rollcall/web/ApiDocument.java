package org.rollcall.web;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The OpenAPI document describes the JSON API under /api, the contract clients code against and
 * that PermissionMatrixTest checks row by row. The HTML pages are resources too, but not an API:
 * they are left out (registered as mp.openapi.filter).
 */
public class ApiDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> pages = openAPI.getPaths().getPathItems().keySet().stream()
                .filter(path -> !(path.equals("/api") || path.startsWith("/api/"))).toList();
        pages.forEach(openAPI.getPaths()::removePathItem);
    }
}
