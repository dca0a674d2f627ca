package org.rollcall.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer result, with the total so clients can show "1-20 of 3,412". A search that
 * matches too many to count quickly says so with {@code totalExact} false: {@code total} then counts
 * the items up to the end of this page, plus one when another page follows.
 */
public record Page<T>(List<T> items, long total, int page, int size, boolean totalExact) {

    public Page(List<T> items, long total, int page, int size) {
        this(items, total, page, size, true);
    }

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, size, totalExact);
    }
}
