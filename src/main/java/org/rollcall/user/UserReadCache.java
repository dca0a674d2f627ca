package org.rollcall.user;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.auth.Actor;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.db.KeptReads;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;

/**
 * The user reads asked for again and again, kept for a moment ({@link KeptReads}: a change made
 * here shows at once, one made elsewhere when the entry expires):
 * <ul>
 * <li>a user as their page and GET /api/users/{username} show them (quarkus.cache.caffeine."user-details");
 * who may see the user is decided on every request, from the id and role kept with the entry;</li>
 * <li>a page of the users list or search (quarkus.cache.caffeine."user-searches") of at most
 * {@link #KEPT_PAGE_SIZE} users, as people page through the list, kept for the admins together and
 * for each teacher apart, since a teacher's page holds only the users they may see. Larger pages
 * are read by programs walking the whole list, once: keeping them would only fill the heap.</li>
 * </ul>
 */
@ApplicationScoped
public class UserReadCache {

    /** The largest page kept: at 1,000 pages (application.properties), about 15 MB of users at most. */
    static final int KEPT_PAGE_SIZE = 50;

    /** What tells one page of the list from another, and who it was read for (0 for every admin). */
    private record Search(long viewer, String q, Role role, String group, Boolean enabled, String sort, int page, int size) {
    }

    @Inject
    @CacheName("user-details")
    Cache detailCache;
    @Inject
    @CacheName("user-searches")
    Cache searchCache;

    private KeptReads<String, UserRepository.Found> details;
    private KeptReads<Search, Page<UserView>> searches;

    @PostConstruct
    void init() {
        details = new KeptReads<>(detailCache);
        searches = new KeptReads<>(searchCache);
    }

    /** The kept answer for this username, or {@code read}'s (kept for the next request when found). */
    Optional<UserRepository.Found> find(String username, Supplier<Optional<UserRepository.Found>> read) {
        return Optional.ofNullable(details.get(username, () -> read.get().orElse(null)));
    }

    /** The kept page of this search for this actor, or {@code read}'s, which must not change once read (it is shared). */
    Page<UserView> search(Actor actor, UserQuery query, PageRequest page, Supplier<Page<UserView>> read) {
        if (page.size() > KEPT_PAGE_SIZE) {
            return read.get();
        }
        StringBuilder sort = new StringBuilder();
        query.sort().getColumns().forEach(column -> sort.append(column.getName()).append(' ').append(column.getDirection()).append(','));
        Search key = new Search(actor.isAdmin() ? 0 : actor.id(), query.q(), query.role(), query.group(), query.enabled(),
                sort.toString(), page.page(), page.size());
        return searches.get(key, read);
    }
}
