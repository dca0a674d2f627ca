package org.rollcall.transfer.source;

import java.util.List;

import org.rollcall.schoolclass.ClassRow;
import org.rollcall.schoolclass.MembershipRow;
import org.rollcall.user.UserRow;

/**
 * Where migrate reads from: another Rollcall database, the legacy Flask schema, or a JSON file.
 * Each kind of record is streamed in a stable order, so a re-run sees the same records in the
 * same order (and the same one wins when a key appears twice).
 */
public interface Source extends AutoCloseable {

    /** The kinds of record, in the order they are migrated. */
    enum Entity {
        CLASSES("classes"), USERS("users"), MEMBERSHIPS("memberships");

        public final String label;

        Entity(String label) {
            this.label = label;
        }
    }

    /**
     * One record as read. {@code origin} says where it came from ("users id 17"); {@code problem}
     * is set, and {@code row} may be null, when the record could not even be turned into a row.
     */
    record Read<T>(String origin, String key, T row, String problem) {

        public static <T> Read<T> of(String origin, T row) {
            return new Read<>(origin, null, row, null);
        }

        public static <T> Read<T> problem(String origin, String key, String problem) {
            return new Read<>(origin, key, null, problem);
        }
    }

    @FunctionalInterface
    interface Sink<T> {
        void accept(Read<T> read) throws Exception;
    }

    /** For the report header: what this source is, never with a password. */
    String description();

    /** How many records of this kind the source holds, counted independently of reading them. */
    long count(Entity entity) throws Exception;

    void classes(Sink<ClassRow> sink) throws Exception;

    void users(Sink<UserRow> sink) throws Exception;

    void memberships(Sink<MembershipRow> sink) throws Exception;

    /** Things worth telling the operator that are not rejected records (e.g. fields Rollcall has no place for). */
    default List<String> notes() {
        return List.of();
    }

    /** Mistakes in the operator's input that are not records (e.g. a --teachers name not in the source). */
    default List<String> problems() {
        return List.of();
    }

    @Override
    default void close() throws Exception {
    }
}
