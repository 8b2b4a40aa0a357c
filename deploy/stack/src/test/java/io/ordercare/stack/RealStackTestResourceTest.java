package io.ordercare.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/**
 * The test resource as Quarkus drives it: init, start, and start again for a second profile. Its servers are
 * stopped by the shutdown hook when this test JVM exits.
 */
class RealStackTestResourceTest {

    @Test
    void startsOnceAndHandsOutTheConfiguration() throws Exception {
        RealStackTestResource first = new RealStackTestResource();
        first.init(Map.of("database", "orders", "topics", "orders.inbound, order.changes"));
        Map<String, String> config = first.start();

        int pgPort = RealStackTestResource.pgPort();
        assertEquals(Map.of(
                "kafka.bootstrap.servers", RealStackTestResource.bootstrapServers(),
                "ordercare.db.host", "localhost",
                "ordercare.db.port", String.valueOf(pgPort),
                "ordercare.db.name", "orders",
                "ordercare.db.username", "orders",
                "ordercare.db.password", "orders",
                "quarkus.devservices.enabled", "false"), config);

        // Another profile: same servers, its own database and topics added.
        RealStackTestResource second = new RealStackTestResource();
        second.init(Map.of("topics", "dialog.events"));
        Map<String, String> again = second.start();
        assertEquals(config.get("kafka.bootstrap.servers"), again.get("kafka.bootstrap.servers"));
        assertEquals(config.get("ordercare.db.port"), again.get("ordercare.db.port"));
        assertEquals("app", again.get("ordercare.db.name"));

        assertEquals("logical", RealStackTestResource.psql("orders", "show wal_level"));
        assertEquals("orders", RealStackTestResource.psql("postgres",
                "select pg_get_userbyid(datdba) from pg_database where datname = 'orders'"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealStackTestResource.bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get();
            assertTrue(topics.containsAll(List.of("orders.inbound", "order.changes", "dialog.events")), topics::toString);
        }
    }
}
