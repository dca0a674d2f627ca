package org.rollcall.user;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.rollcall.common.RollcallConfig;
import org.rollcall.common.db.KeyBatches;
import org.rollcall.common.db.MultiRowInsert;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Writes the search words ({@link SearchWords}) of users stored without going through the entity:
 * the rows of a bulk insert, and at start any user who has none (users of a database from before
 * word search, or of an older backup restored).
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);
    private static final int BATCH = 1000;

    @Inject
    EntityManager em;
    @Inject
    KeyBatches batches;
    @Inject
    RollcallConfig config;

    void onStart(@Observes @Priority(5) StartupEvent event) {
        if (config.commandMode()) {
            return;   // commands write users through the entity or the bulk insert, which index them
        }
        int indexed = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::indexUnindexed);
            indexed += done;
        } while (done == BATCH);
        if (indexed > 0) {
            LOG.infof("Indexed %d users for search", indexed);
        }
    }

    /** Indexes the users just inserted with these usernames, in the current transaction. */
    public void indexNew(Collection<UserRow> rows) {
        Map<String, UserRow> byName = new HashMap<>();
        rows.forEach(row -> byName.put(row.username(), row));
        List<Word> words = new ArrayList<>();
        for (IdName user : batches.select(em, "select id, username from app_user where username in", byName.keySet(),
                rs -> new IdName(rs.getLong(1), rs.getString(2)))) {
            UserRow row = byName.get(user.username());
            SearchWords.of(row.username(), row.displayName(), row.email()).forEach(word -> words.add(new Word(word, user.id())));
        }
        insert(words);
    }

    private int indexUnindexed() {
        List<Word> words = new ArrayList<>();
        int users = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select u.id, u.username, u.display_name, u.email from app_user u"
                    + " where not exists (select 1 from user_search_word w where w.user_id = u.id) order by u.id limit " + BATCH);
                    ResultSet rs = select.executeQuery()) {
                int count = 0;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    SearchWords.of(rs.getString(2), rs.getString(3), rs.getString(4)).forEach(word -> words.add(new Word(word, id)));
                    count++;
                }
                return count;
            }
        });
        insert(words);
        return users;
    }

    private void insert(List<Word> words) {
        MultiRowInsert.execute(em, "user_search_word", List.of("word", "user_id"), words, w -> List.of(w.word(), w.userId()));
    }

    private record Word(String word, long userId) {
    }

    private record IdName(long id, String username) {
    }
}
