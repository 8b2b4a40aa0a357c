-- logistics-watcher: shipments, their scans, what each route usually takes, the alerts raised and the
-- outbox of events still to publish.

-- One parcel: an order's outbound shipment or a return parcel. State is what its latest scan (by scan time,
-- not arrival) says; next_check_at is when time alone could make it alert (stuck, lost, late) or when a
-- pending order-status push is due, so the sweep reads only what is due through an index.
CREATE TABLE shipment (
    id                  bigserial PRIMARY KEY,
    carrier             text        NOT NULL,
    tracking_number     text        NOT NULL,
    direction           text        NOT NULL,
    order_id            text        NOT NULL,
    customer_id         text,
    return_id           text,
    origin              text        NOT NULL DEFAULT '',
    destination         text        NOT NULL DEFAULT '',
    promised_date       date,
    shipped_at          timestamptz NOT NULL,
    status              text        NOT NULL,
    last_scan_at        timestamptz,
    last_scan_code      text,
    last_hub            text,
    last_city           text,
    scan_count          integer     NOT NULL DEFAULT 0,
    delivery_attempts   integer     NOT NULL DEFAULT 0,
    delivered_at        timestamptz,
    predicted_arrival   timestamptz,
    next_check_at       timestamptz,
    -- the episodes already alerted: the silence that began at this activity time, the promise date
    stuck_alerted_for   timestamptz,
    lost_alerted_for    timestamptz,
    delay_alerted_for   date,
    -- order status still to push to order-gateway (DELIVERED, ON_HOLD), null when in step
    order_sync_status   text,
    order_sync_reason   text,
    order_sync_attempts integer     NOT NULL DEFAULT 0,
    order_sync_due_at   timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 0,
    CONSTRAINT shipment_parcel UNIQUE (carrier, tracking_number)
);
CREATE INDEX shipment_next_check ON shipment (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX shipment_order ON shipment (order_id);

-- Every scan once, whether or not its shipment is known yet (a carrier may scan before the order's
-- shipped event arrives; the shipment adopts its scans when it is created).
CREATE TABLE scan (
    id              bigserial PRIMARY KEY,
    carrier         text        NOT NULL,
    tracking_number text        NOT NULL,
    scanned_at      timestamptz NOT NULL,
    code            text        NOT NULL,
    carrier_code    text        NOT NULL,
    hub             text,
    city            text,
    description     text,
    received_at     timestamptz NOT NULL,
    CONSTRAINT scan_once UNIQUE (carrier, tracking_number, scanned_at, code)
);

-- Transit-time statistics per carrier and route (origin -> destination city), merged batch by batch
-- (count, mean and sum of squared deviations, in seconds): the gap between consecutive scans and the time
-- from shipping to delivery.
CREATE TABLE route_stats (
    carrier       text             NOT NULL,
    origin        text             NOT NULL,
    destination   text             NOT NULL,
    gap_count     bigint           NOT NULL DEFAULT 0,
    gap_mean      double precision NOT NULL DEFAULT 0,
    gap_m2        double precision NOT NULL DEFAULT 0,
    transit_count bigint           NOT NULL DEFAULT 0,
    transit_mean  double precision NOT NULL DEFAULT 0,
    transit_m2    double precision NOT NULL DEFAULT 0,
    updated_at    timestamptz      NOT NULL,
    PRIMARY KEY (carrier, origin, destination)
);

-- One row per alert episode: the unique key is what keeps an episode from alerting twice.
CREATE TABLE shipment_alert (
    id          uuid PRIMARY KEY,
    shipment_id bigint      NOT NULL REFERENCES shipment (id),
    order_id    text        NOT NULL,
    type        text        NOT NULL,
    episode     text        NOT NULL,
    raised_at   timestamptz NOT NULL,
    due_at      timestamptz,
    data        jsonb       NOT NULL,
    CONSTRAINT alert_once UNIQUE (shipment_id, type, episode)
);
CREATE INDEX shipment_alert_shipment ON shipment_alert (shipment_id);

-- Events written in the same transaction as the change they announce, published after commit; a crash in
-- between leaves them here for the republisher, never lost.
CREATE TABLE outbox (
    id           uuid PRIMARY KEY,
    topic        text        NOT NULL,
    key          text        NOT NULL,
    event        text        NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL;
