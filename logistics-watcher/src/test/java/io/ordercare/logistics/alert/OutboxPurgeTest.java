package io.ordercare.logistics.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.logistics.platform.LogisticsConfig;
import io.ordercare.logistics.platform.Parcels;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The outbox purge on the real database: rows published longer than {@code ordercare.logistics.outbox-keep} ago
 * go (more than two batches of them), rows published more recently and rows never published stay, however old.
 */
@QuarkusTest
class OutboxPurgeTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration DAY = Duration.ofDays(1);

    @Inject
    OutboxPublisher publisher;

    @Inject
    LogisticsConfig config;

    @Inject
    Pool pool;

    @Test
    void deletesOnlyRowsPublishedLongerThanKeepAgo() {
        String marker = "outbox-purge-test-" + Parcels.unique();
        Duration keep = config.outboxKeep();
        Duration created = keep.plus(Duration.ofDays(30));
        try {
            insert(marker + ":old", 12_000, created, keep.plus(DAY)); // Outbox.PURGE_BATCH is 5,000: three batches
            insert(marker + ":recent", 3, created, keep.minus(DAY));
            insert(marker + ":unpublished", 2, created, null);

            int deleted = publisher.purge().await().atMost(WAIT);

            // the scheduled purge (every 10 min) may take some of them first: together they are all gone
            assertThat(deleted).isBetween(0, 12_000);
            assertThat(count(marker + ":old")).isZero();
            assertThat(count(marker + ":recent")).isEqualTo(3);
            // never deleted, even if the republisher sent them meanwhile (it marks them published now)
            assertThat(count(marker + ":unpublished")).isEqualTo(2);
        } finally {
            pool.preparedQuery("delete from outbox where key like $1").execute(Tuple.of(marker + ":%"))
                    .await().atMost(WAIT);
        }
    }

    @Test
    void theMigrationIndexesPublishedRows() {
        long n = pool.query("select count(*) from pg_indexes"
                + " where tablename = 'outbox' and indexname = 'outbox_published'")
                .execute().await().atMost(WAIT).iterator().next().getLong(0);
        assertThat(n).isEqualTo(1);
    }

    /** Rows on a real topic with a key no test waits for, in case the republisher sends the unpublished ones. */
    void insert(String key, int rows, Duration createdAgo, Duration publishedAgo) {
        String published = publishedAgo == null ? "null::timestamptz" : "now() - make_interval(secs => $4)";
        Tuple args = Tuple.of(key, (double) createdAgo.toSeconds(), rows);
        if (publishedAgo != null) {
            args.addDouble((double) publishedAgo.toSeconds());
        }
        pool.preparedQuery("insert into outbox (id, topic, key, event, created_at, published_at)"
                + " select gen_random_uuid(), 'logistics.alerts', $1, '{}', now() - make_interval(secs => $2), "
                + published + " from generate_series(1, $3)")
                .execute(args).await().atMost(WAIT);
    }

    long count(String key) {
        return pool.preparedQuery("select count(*) from outbox where key = $1").execute(Tuple.of(key))
                .await().atMost(WAIT).iterator().next().getLong(0);
    }
}
