package org.rollcall.user;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rollcall.common.Page;
import org.rollcall.schoolclass.ClassSummary;

/**
 * The users page as the person asked for it (filters, order, page number from 1) and what was
 * found; builds the links that keep the filters while sorting or paging.
 */
public record UserList(String q, String role, String group, String enabled, String sort, int size,
        Page<UserView> found, List<ClassSummary> classes) {

    public static final int DEFAULT_SIZE = 20;

    public record PageLink(String label, String url, boolean current, String ariaLabel) {
    }

    /** 1-based number of the page shown. */
    public int pageNumber() {
        return found.page() + 1;
    }

    public long from() {
        return found.total() == 0 ? 0 : (long) found.page() * found.size() + 1;
    }

    public long to() {
        return Math.min(found.total(), (long) found.page() * found.size() + found.items().size());
    }

    /** A page number past the last page (e.g. an old bookmark after users were deleted). */
    public boolean pastEnd() {
        return found.items().isEmpty() && found.total() > 0;
    }

    public String lastPageUrl() {
        return pageUrl(Math.max(1, found.pages()));
    }

    public boolean filtered() {
        return q != null || role != null || group != null || enabled != null;
    }

    /** The CSV download of every user these filters find, in this order. */
    public String csvUrl() {
        return url(sort, 1).replaceFirst("^/users", "/users.csv");
    }

    public String pageUrl(int number) {
        return url(sort, number);
    }

    /** Link for a column header: ascending first, descending when already ascending on it. */
    public String sortUrl(String key) {
        return url(currentSortKey().equals(key) && !descending() ? "-" + key : key, 1);
    }

    /** aria-sort value for a column header. */
    public String sortState(String key) {
        if (!currentSortKey().equals(key)) {
            return "none";
        }
        return descending() ? "descending" : "ascending";
    }

    public String sortArrow(String key) {
        return switch (sortState(key)) {
            case "ascending" -> " ▲";
            case "descending" -> " ▼";
            default -> "";
        };
    }

    /** First, last, and up to two pages either side of the current one; a link without url marks a gap. */
    public List<PageLink> pageLinks() {
        int last = Math.max(1, found.pages());
        int current = pageNumber();
        java.util.SortedSet<Integer> shown = new java.util.TreeSet<>(List.of(1, last));
        for (int n = Math.max(1, current - 2); n <= Math.min(last, current + 2); n++) {
            shown.add(n);
        }
        List<PageLink> links = new ArrayList<>();
        int previous = 0;
        for (int n : shown) {
            if (previous != 0 && n - previous > 1) {
                links.add(new PageLink("…", null, false, null));
            }
            links.add(new PageLink(Integer.toString(n), pageUrl(n), n == current, "Page " + n));
            previous = n;
        }
        return links;
    }

    public String previousUrl() {
        return pageUrl(pageNumber() - 1);
    }

    public String nextUrl() {
        return pageUrl(pageNumber() + 1);
    }

    public boolean hasPrevious() {
        return found.page() > 0;
    }

    public boolean hasNext() {
        return pageNumber() < found.pages();
    }

    private String currentSortKey() {
        return sort == null ? "username" : sort.startsWith("-") ? sort.substring(1) : sort;
    }

    private boolean descending() {
        return sort != null && sort.startsWith("-");
    }

    private String url(String sortKey, int page) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("role", role);
        params.put("group", group);
        params.put("enabled", enabled);
        params.put("sort", sortKey == null || sortKey.equals("username") ? null : sortKey);
        params.put("size", size == DEFAULT_SIZE ? null : Integer.toString(size));
        params.put("page", page == 1 ? null : Integer.toString(page));
        String query = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "/users" : "/users?" + query;
    }
}
