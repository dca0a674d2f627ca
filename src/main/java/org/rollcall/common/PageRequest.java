package org.rollcall.common;

/** Page number (from 0) and size, clamped to what the app serves. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw DomainException.invalid("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw DomainException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > Integer.MAX_VALUE - MAX_SIZE) {
            throw DomainException.invalid("page", "is beyond any list this app holds");
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
