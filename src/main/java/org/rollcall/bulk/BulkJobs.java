package org.rollcall.bulk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.rollcall.auth.Actor;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * Bulk actions started from the pages, run in the background so that the page can show how far
 * one has got (10,000 users take a while) instead of a browser waiting on one long request. A job
 * lives in the memory of the instance that started it, for its owner only, for an hour.
 */
@ApplicationScoped
public class BulkJobs {

    private static final Logger LOG = Logger.getLogger(BulkJobs.class);
    static final Duration KEPT = Duration.ofHours(1);

    /** A bulk action under way or done. {@code result} is set when it is done. */
    public static final class Job {
        private final String id = UUID.randomUUID().toString();
        private final long ownerId;
        private final BulkAction action;
        private final int total;
        private final String back;
        private final Instant started = Instant.now();
        private final AtomicInteger done = new AtomicInteger();
        private volatile BulkResult result;
        private volatile String failure;

        Job(long ownerId, BulkAction action, int total, String back) {
            this.ownerId = ownerId;
            this.action = action;
            this.total = total;
            this.back = back;
        }

        public String id() {
            return id;
        }

        public BulkAction action() {
            return action;
        }

        public long total() {
            return total;
        }

        public long done() {
            return done.get();
        }

        public boolean finished() {
            return result != null || failure != null;
        }

        public BulkResult result() {
            return result;
        }

        public String failure() {
            return failure;
        }

        /** Where the person came from: the users list with their filters, or a class page. */
        public String back() {
            return back;
        }

        public int percent() {
            return total == 0 ? 100 : (int) (done() * 100 / total);
        }
    }

    @Inject
    BulkService bulk;

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "rollcall-bulk");
        thread.setDaemon(true);
        return thread;
    });

    public Job start(Actor actor, BulkPlan plan, String back) {
        jobs.values().removeIf(j -> j.finished() && j.started.isBefore(Instant.now().minus(KEPT)));
        Job job = new Job(actor.id(), plan.action(), plan.usernames().size(), back);
        jobs.put(job.id, job);
        workers.submit(() -> run(actor, plan, job));
        return job;
    }

    private void run(Actor actor, BulkPlan plan, Job job) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            job.result = bulk.run(actor, plan, job.done::set);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Bulk action %s of %d users failed", plan.action().id(), plan.usernames().size());
            job.failure = "The action stopped after " + job.done() + " users: " + e.getMessage();
        } finally {
            requestContext.terminate();
        }
    }

    /** The actor's own job; nobody else's, not even an admin's view of a teacher's one-time passwords. */
    public Optional<Job> find(Actor actor, String id) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.ownerId == actor.id());
    }

    /** The one-time passwords of a finished reset, handed out once: afterwards the job keeps only the outcomes. */
    public List<BulkOutcome> takePasswords(Actor actor, String id) {
        Job job = find(actor, id).filter(j -> j.result != null).orElse(null);
        if (job == null) {
            return List.of();
        }
        synchronized (job) {
            List<BulkOutcome> passwords = job.result.outcomes().stream().filter(o -> o.oneTimePassword() != null).toList();
            job.result = job.result.withoutPasswords();
            return passwords;
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
