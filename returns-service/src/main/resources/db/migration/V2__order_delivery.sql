-- When each order was delivered, from order-gateway's order.changes (order.status-changed to DELIVERED, the
-- commit time of the change). Return windows run from here; the first delivery recorded wins.
create table order_delivery (
    order_id     text primary key,
    delivered_at timestamptz not null,
    event_id     text not null
);
