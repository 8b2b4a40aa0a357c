-- The outbound shipment of an order, set when it ships (null until then). It lives on the orders row
-- so that the CDC change of that row carries status and shipment together: one UPDATE, one event.
alter table orders
    add column carrier                text,         -- carrier code, upper case: SF, JD, YTO, UPS ...
    add column tracking_number        text,
    add column shipped_from           text,         -- origin: the shipping warehouse's city
    add column promised_delivery_date date,
    add column shipped_at             timestamptz;
-- (adding columns leaves the table's REPLICA IDENTITY FULL of V1 as it is: CDC keeps the whole before-image)
