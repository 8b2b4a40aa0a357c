package io.ordercare.logistics.shipment;

import io.ordercare.logistics.tracking.CarrierScan;
import io.ordercare.platform.outbox.Outbox;
import io.ordercare.logistics.tracking.ScanCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the hot paths: parcels, scans, alerts and outbox rows, a whole batch per statement. Every method
 * runs on the caller's connection, inside the caller's transaction.
 */
@ApplicationScoped
public class ParcelStore {

    private static final String COLUMNS = """
            id, carrier, tracking_number, direction, order_id, customer_id, return_id, origin, destination,
            promised_date, shipped_at, status, last_scan_at, last_scan_code, last_hub, last_city, scan_count,
            delivery_attempts, delivered_at, predicted_arrival, next_check_at, stuck_alerted_for, lost_alerted_for,
            delay_alerted_for, order_sync_status, order_sync_reason, order_sync_attempts, order_sync_due_at""";

    /** Stores the scans not seen before and returns exactly those (a repeated scan comes back as nothing). */
    public Uni<List<CarrierScan>> insertScans(SqlConnection conn, List<CarrierScan> scans, Instant now) {
        if (scans.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = scans.size();
        String[] carriers = new String[n], numbers = new String[n], codes = new String[n], carrierCodes = new String[n],
                hubs = new String[n], cities = new String[n], descriptions = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            CarrierScan s = scans.get(i);
            carriers[i] = s.carrier();
            numbers[i] = s.trackingNumber();
            times[i] = ts(s.scannedAt());
            codes[i] = s.code().name();
            carrierCodes[i] = s.carrierCode();
            hubs[i] = s.hub();
            cities[i] = s.city();
            descriptions[i] = s.description();
        }
        return conn.preparedQuery("""
                insert into scan (carrier, tracking_number, scanned_at, code, carrier_code, hub, city, description,
                                  received_at)
                select distinct on (c, t, s, k) c, t, s, k, cc, h, ci, d, $9
                  from unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
                              $7::text[], $8::text[]) as x(c, t, s, k, cc, h, ci, d)
                on conflict on constraint scan_once do nothing
                returning carrier, tracking_number, scanned_at, code, carrier_code, hub, city, description""")
                .execute(Tuple.tuple(List.of(carriers, numbers, times, codes, carrierCodes, hubs, cities, descriptions,
                        ts(now))))
                .map(rows -> {
                    List<CarrierScan> fresh = new ArrayList<>();
                    rows.forEach(r -> fresh.add(scan(r)));
                    return fresh;
                });
    }

    /** Every stored scan of these parcels (a shipment just created adopts the scans that came before it). */
    public Uni<List<CarrierScan>> scansOf(SqlConnection conn, List<String> carriers, List<String> numbers) {
        return conn.preparedQuery("""
                select s.carrier, s.tracking_number, s.scanned_at, s.code, s.carrier_code, s.hub, s.city, s.description
                  from scan s join unnest($1::text[], $2::text[]) as k(c, t) on s.carrier = k.c and s.tracking_number = k.t
                 order by s.scanned_at""")
                .execute(Tuple.of(carriers.toArray(String[]::new), numbers.toArray(String[]::new)))
                .map(rows -> {
                    List<CarrierScan> list = new ArrayList<>();
                    rows.forEach(r -> list.add(scan(r)));
                    return list;
                });
    }

    /** The parcels with these carrier + tracking numbers, locked for this transaction, in id order. */
    public Uni<List<Parcel>> lock(SqlConnection conn, List<String> carriers, List<String> numbers) {
        return conn.preparedQuery("select " + COLUMNS + """
                 from shipment p join unnest($1::text[], $2::text[]) as k(c, t)
                   on p.carrier = k.c and p.tracking_number = k.t
                order by p.id for update of p""")
                .execute(Tuple.of(carriers.toArray(String[]::new), numbers.toArray(String[]::new)))
                .map(ParcelStore::parcels);
    }

    /**
     * Serializes, per parcel, the start of a shipment with the arrival of scans nobody had a shipment for: both
     * take this transaction-scoped lock on the carrier + tracking number (in a fixed order, so never a
     * deadlock), so a scan stored while its shipment is being created is either seen by the creation or finds
     * the created shipment.
     */
    public Uni<Void> lockKeys(SqlConnection conn, List<String> carriers, List<String> numbers) {
        long[] keys = new long[carriers.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = parcelLockKey(carriers.get(i), numbers.get(i));
        }
        Long[] sorted = java.util.Arrays.stream(keys).sorted().distinct().boxed().toArray(Long[]::new);
        return conn.preparedQuery("""
                select count(pg_advisory_xact_lock(k)) from (select k from unnest($1::bigint[]) as k order by k) as s""")
                .execute(Tuple.of(sorted)).replaceWithVoid();
    }

    static long parcelLockKey(String carrier, String number) {
        // FNV-1a, 64 bits: stable across JVMs and replicas
        long h = 0xcbf29ce484222325L;
        for (byte b : (carrier + "|" + number).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Parcels whose next check is due, oldest first, skipping those another transaction holds. */
    public Uni<List<Parcel>> lockDue(SqlConnection conn, Instant now, int limit) {
        return conn.preparedQuery("select " + COLUMNS + """
                 from shipment where next_check_at <= $1
                order by next_check_at limit $2 for update skip locked""")
                .execute(Tuple.of(ts(now), limit))
                .map(ParcelStore::parcels);
    }

    /** Inserts new shipments; returns the ones this call created (an existing carrier + number is left alone). */
    public Uni<List<Parcel>> insert(SqlConnection conn, List<Parcel> parcels, Instant now) {
        int n = parcels.size();
        String[] carriers = new String[n], numbers = new String[n], directions = new String[n], orders = new String[n],
                customers = new String[n], returns = new String[n], origins = new String[n], destinations = new String[n];
        LocalDate[] promised = new LocalDate[n];
        OffsetDateTime[] shipped = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Parcel p = parcels.get(i);
            carriers[i] = p.carrier;
            numbers[i] = p.trackingNumber;
            directions[i] = p.direction.name();
            orders[i] = p.orderId;
            customers[i] = p.customerId;
            returns[i] = p.returnId;
            origins[i] = p.origin;
            destinations[i] = p.destination;
            promised[i] = p.promisedDate;
            shipped[i] = ts(p.shippedAt);
        }
        return conn.preparedQuery("""
                insert into shipment (carrier, tracking_number, direction, order_id, customer_id, return_id, origin,
                                      destination, promised_date, shipped_at, status, created_at, updated_at)
                select distinct on (c, t) c, t, dir, o, cu, r, og, de, pr, sh, 'AWAITING_PICKUP', $11, $11
                  from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                              $8::text[], $9::date[], $10::timestamptz[]) as x(c, t, dir, o, cu, r, og, de, pr, sh)
                on conflict on constraint shipment_parcel do nothing
                returning\s""" + COLUMNS)
                .execute(Tuple.tuple(List.of(carriers, numbers, directions, orders, customers, returns, origins,
                        destinations, promised, shipped, ts(now))))
                .map(ParcelStore::parcels);
    }

    /** Writes back everything the hot paths change, the whole batch in one statement. */
    public Uni<Void> update(SqlConnection conn, List<Parcel> parcels, Instant now) {
        if (parcels.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = parcels.size();
        Long[] ids = new Long[n];
        String[] status = new String[n], codes = new String[n], hubs = new String[n], cities = new String[n],
                syncStatus = new String[n], syncReason = new String[n];
        OffsetDateTime[] lastScan = new OffsetDateTime[n], delivered = new OffsetDateTime[n],
                predicted = new OffsetDateTime[n], next = new OffsetDateTime[n], stuck = new OffsetDateTime[n],
                lost = new OffsetDateTime[n], syncDue = new OffsetDateTime[n];
        Integer[] scanCounts = new Integer[n], attempts = new Integer[n], syncAttempts = new Integer[n];
        LocalDate[] delay = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            Parcel p = parcels.get(i);
            ids[i] = p.id;
            status[i] = p.status.name();
            lastScan[i] = tsOrNull(p.lastScanAt);
            codes[i] = p.lastScanCode;
            hubs[i] = p.lastHub;
            cities[i] = p.lastCity;
            scanCounts[i] = p.scanCount;
            attempts[i] = p.deliveryAttempts;
            delivered[i] = tsOrNull(p.deliveredAt);
            predicted[i] = tsOrNull(p.predictedArrival);
            next[i] = tsOrNull(p.nextCheckAt);
            stuck[i] = tsOrNull(p.stuckAlertedFor);
            lost[i] = tsOrNull(p.lostAlertedFor);
            delay[i] = p.delayAlertedFor;
            syncStatus[i] = p.orderSyncStatus;
            syncReason[i] = p.orderSyncReason;
            syncAttempts[i] = p.orderSyncAttempts;
            syncDue[i] = tsOrNull(p.orderSyncDueAt);
        }
        return conn.preparedQuery("""
                update shipment s set status = u.status, last_scan_at = u.last_scan_at, last_scan_code = u.code,
                       last_hub = u.hub, last_city = u.city, scan_count = u.scan_count,
                       delivery_attempts = u.attempts, delivered_at = u.delivered_at,
                       predicted_arrival = u.predicted, next_check_at = u.next_check_at,
                       stuck_alerted_for = u.stuck, lost_alerted_for = u.lost, delay_alerted_for = u.delay,
                       order_sync_status = u.sync_status, order_sync_reason = u.sync_reason,
                       order_sync_attempts = u.sync_attempts, order_sync_due_at = u.sync_due, updated_at = $19,
                       version = s.version + 1
                  from unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
                              $7::int[], $8::int[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[],
                              $12::timestamptz[], $13::timestamptz[], $14::date[], $15::text[], $16::text[],
                              $17::int[], $18::timestamptz[])
                       as u(id, status, last_scan_at, code, hub, city, scan_count, attempts, delivered_at, predicted,
                            next_check_at, stuck, lost, delay, sync_status, sync_reason, sync_attempts, sync_due)
                 where s.id = u.id""")
                .execute(Tuple.tuple(List.of(ids, status, lastScan, codes, hubs, cities, scanCounts, attempts, delivered,
                        predicted, next, stuck, lost, delay, syncStatus, syncReason, syncAttempts, syncDue, ts(now))))
                .replaceWithVoid();
    }

    /** An alert and its CloudEvent, written together. */
    public record NewAlert(java.util.UUID id, long shipmentId, String orderId, String type, String episode,
            Instant raisedAt, Instant dueAt, String data, String topic, String key, String event) {
    }

    /** Records the alerts (an episode already recorded is skipped) and queues their events in the outbox. */
    public Uni<List<NewAlert>> insertAlerts(SqlConnection conn, List<NewAlert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = alerts.size();
        java.util.UUID[] ids = new java.util.UUID[n];
        Long[] shipments = new Long[n];
        String[] orders = new String[n], types = new String[n], episodes = new String[n], data = new String[n];
        OffsetDateTime[] raised = new OffsetDateTime[n], due = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            NewAlert a = alerts.get(i);
            ids[i] = a.id();
            shipments[i] = a.shipmentId();
            orders[i] = a.orderId();
            types[i] = a.type();
            episodes[i] = a.episode();
            raised[i] = ts(a.raisedAt());
            due[i] = a.dueAt() == null ? null : ts(a.dueAt());
            data[i] = a.data();
        }
        return conn.preparedQuery("""
                insert into shipment_alert (id, shipment_id, order_id, type, episode, raised_at, due_at, data)
                select i, s, o, t, e, r, d, j::jsonb
                  from unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
                              $7::timestamptz[], $8::text[]) as x(i, s, o, t, e, r, d, j)
                on conflict on constraint alert_once do nothing
                returning id""")
                .execute(Tuple.tuple(List.of(ids, shipments, orders, types, episodes, raised, due, data)))
                .chain(rows -> {
                    java.util.Set<java.util.UUID> inserted = new java.util.HashSet<>();
                    rows.forEach(r -> inserted.add(r.getUUID("id")));
                    List<NewAlert> kept = alerts.stream().filter(a -> inserted.contains(a.id())).toList();
                    return Outbox.write(conn, kept.stream().map(a -> new Outbox.Event(a.id(), a.topic(), a.key(),
                            a.event())).toList()).replaceWith(kept);
                });
    }

    // ------------------------------------------------------------------------------------------

    private static List<Parcel> parcels(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Parcel> list = new ArrayList<>();
        rows.forEach(r -> list.add(parcel(r)));
        return list;
    }

    static Parcel parcel(Row r) {
        Parcel p = new Parcel();
        p.id = r.getLong("id");
        p.carrier = r.getString("carrier");
        p.trackingNumber = r.getString("tracking_number");
        p.direction = Direction.valueOf(r.getString("direction"));
        p.orderId = r.getString("order_id");
        p.customerId = r.getString("customer_id");
        p.returnId = r.getString("return_id");
        p.origin = r.getString("origin");
        p.destination = r.getString("destination");
        p.promisedDate = r.getLocalDate("promised_date");
        p.shippedAt = instant(r, "shipped_at");
        p.status = ShipmentStatus.valueOf(r.getString("status"));
        p.lastScanAt = instant(r, "last_scan_at");
        p.lastScanCode = r.getString("last_scan_code");
        p.lastHub = r.getString("last_hub");
        p.lastCity = r.getString("last_city");
        p.scanCount = r.getInteger("scan_count");
        p.deliveryAttempts = r.getInteger("delivery_attempts");
        p.deliveredAt = instant(r, "delivered_at");
        p.predictedArrival = instant(r, "predicted_arrival");
        p.nextCheckAt = instant(r, "next_check_at");
        p.stuckAlertedFor = instant(r, "stuck_alerted_for");
        p.lostAlertedFor = instant(r, "lost_alerted_for");
        p.delayAlertedFor = r.getLocalDate("delay_alerted_for");
        p.orderSyncStatus = r.getString("order_sync_status");
        p.orderSyncReason = r.getString("order_sync_reason");
        p.orderSyncAttempts = r.getInteger("order_sync_attempts");
        p.orderSyncDueAt = instant(r, "order_sync_due_at");
        return p;
    }

    private static CarrierScan scan(Row r) {
        return new CarrierScan(r.getString("carrier"), r.getString("tracking_number"), instant(r, "scanned_at"),
                ScanCode.valueOf(r.getString("code")), r.getString("carrier_code"), r.getString("hub"),
                r.getString("city"), r.getString("description"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime ts(Instant instant) {
        // not OffsetDateTime.ofInstant: it builds the offset's ZoneRules anew on every call
        return OffsetDateTime.of(java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(),
                ZoneOffset.UTC), ZoneOffset.UTC);
    }

    private static OffsetDateTime tsOrNull(Instant instant) {
        return instant == null ? null : ts(instant);
    }
}
