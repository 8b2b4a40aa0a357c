-- returns-service: policies, return requests (RMA), the refund ledger, the embedded provider's payouts,
-- the audit log of money movements, the outbox of returns.events.

-- Return policies as data: per platform and category ('*' = any), versioned with effective dates. The policy
-- that applies to an order is the most specific one in force when the order was placed.
create table policy (
    id                     bigserial primary key,
    platform               text not null,
    category               text not null,
    version                int not null,
    effective_from         timestamptz not null,
    effective_to           timestamptz,
    -- null when returnable; otherwise why not (FRESH_FOOD, CUSTOM_MADE ...) unless the seller is at fault
    non_returnable         text,
    -- digital goods: once opened only returnable when the seller is at fault
    requires_unopened      boolean not null default false,
    return_window_days     int not null,
    exchange_allowed       boolean not null,
    -- reasons for which the seller pays the return parcel and refunds the outbound shipping share
    seller_pays_reasons    text[] not null,
    price_protection_days  int not null,
    description            text not null,
    created_at             timestamptz not null default now(),
    constraint policy_version unique (platform, category, version)
);

insert into policy (platform, category, version, effective_from, non_returnable, requires_unopened,
                    return_window_days, exchange_allowed, seller_pays_reasons, price_protection_days, description)
values
 ('*', '*', 1, '2020-01-01', null, false, 7, true,
  '{DEFECTIVE,WRONG_ITEM,DAMAGED_IN_TRANSIT,NOT_AS_DESCRIBED}', 7,
  'Default: 7 days from delivery, no reason needed; seller pays return shipping when at fault.'),
 ('*', 'fresh', 1, '2020-01-01', 'FRESH_FOOD', false, 2, false,
  '{DEFECTIVE,WRONG_ITEM,DAMAGED_IN_TRANSIT,NOT_AS_DESCRIBED}', 0,
  'Fresh food: no returns without a quality problem, which must be reported within 2 days of delivery.'),
 ('*', 'custom', 1, '2020-01-01', 'CUSTOM_MADE', false, 7, false,
  '{DEFECTIVE,WRONG_ITEM,DAMAGED_IN_TRANSIT,NOT_AS_DESCRIBED}', 0,
  'Custom-made goods: returnable only when defective or not as ordered.'),
 ('*', 'digital', 1, '2020-01-01', null, true, 7, true,
  '{DEFECTIVE,WRONG_ITEM,DAMAGED_IN_TRANSIT,NOT_AS_DESCRIBED}', 15,
  'Digital goods: 7 days if unopened; opened only when defective.'),
 ('*', 'large_appliance', 1, '2020-01-01', null, false, 7, true,
  '{DEFECTIVE,WRONG_ITEM,DAMAGED_IN_TRANSIT,NOT_AS_DESCRIBED}', 30,
  'Large appliances: 7 days, price protection 30 days.'),
 ('*', 'apparel', 1, '2020-01-01', null, false, 7, true,
  '{DEFECTIVE,WRONG_ITEM,DAMAGED_IN_TRANSIT,NOT_AS_DESCRIBED,SIZE_FIT}', 7,
  'Apparel: 7 days; the seller pays return shipping for a size exchange.'),
 ('JD', '*', 1, '2020-01-01', null, false, 7, true,
  '{DEFECTIVE,WRONG_ITEM,DAMAGED_IN_TRANSIT,NOT_AS_DESCRIBED}', 30,
  'JD: 7 days, price protection 30 days.'),
 ('SHOPIFY', '*', 1, '2020-01-01', null, false, 30, true,
  '{DEFECTIVE,WRONG_ITEM,DAMAGED_IN_TRANSIT,NOT_AS_DESCRIBED}', 14,
  'Shopify stores: 30 days.');

create table return_request (
    id                     text primary key,
    order_id               text not null,
    platform               text not null,
    kind                   text not null,
    reason                 text not null,
    opened                 boolean not null,
    note                   text,
    status                 text not null,
    request_id             text unique,
    eligibility            jsonb not null,
    return_shipping_payer  text not null,
    currency               text not null,
    payment_method         text,
    -- the order's money at request time: what proration needs even while order-gateway is away
    order_total_minor      bigint not null,
    order_items            jsonb not null,
    pickup_slot_start      timestamptz,
    pickup_slot_end        timestamptz,
    carrier                text,
    tracking_number        text,
    refund_id              uuid,
    inspection_passed      boolean,
    inspection_note        text,
    actor                  text,
    version                bigint not null default 0,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);
create index return_request_order on return_request (order_id);
create unique index return_request_parcel on return_request (carrier, tracking_number) where tracking_number is not null;

create table return_item (
    return_id        text not null references return_request (id),
    item_id          bigint not null,
    sku              text,
    name             text,
    category         text,
    quantity         int not null,
    unit_price_minor bigint not null,
    primary key (return_id, item_id)
);

create table return_transition (
    id         bigserial primary key,
    return_id  text not null references return_request (id),
    from_status text,
    to_status  text not null,
    at         timestamptz not null,
    cause      text not null
);
create index return_transition_return on return_transition (return_id, id);

-- Events this service consumed, so a redelivery changes nothing.
create table applied_event (
    id         text primary key,
    applied_at timestamptz not null default now()
);

-- The ledger: one row per refund, unique per idempotency key.
create table refund (
    id                uuid primary key,
    idempotency_key   text not null,
    request_hash      text not null,
    order_id          text not null,
    return_id         text,
    kind              text not null,
    status            text not null,
    amount_minor      bigint not null check (amount_minor >= 0),
    currency          text not null,
    payment_method    text,
    reason            text,
    review_reason     text,
    actor             text not null,
    attempts          int not null default 0,
    next_attempt_at   timestamptz,
    provider_ref      text,
    last_error        text,
    details           jsonb,
    version           bigint not null default 0,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    paid_at           timestamptz,
    constraint refund_once unique (idempotency_key)
);
create index refund_order on refund (order_id);
create index refund_due on refund (next_attempt_at) where status = 'PENDING';

create table refund_line (
    refund_id       uuid not null references refund (id),
    item_id         bigint not null,
    quantity        int not null,
    amount_minor    bigint not null,
    shipping_minor  bigint not null,
    primary key (refund_id, item_id)
);

-- What the customer paid per item at purchase (and the price they claim now), kept for disputes.
create table price_snapshot (
    order_id          text not null,
    item_id           bigint not null,
    sku               text,
    unit_price_minor  bigint not null,
    list_price_minor  bigint not null,
    currency          text not null,
    placed_at         timestamptz not null,
    captured_at       timestamptz not null,
    primary key (order_id, item_id)
);

-- The embedded payment provider's own book: one payout per idempotency key.
create table payout (
    idempotency_key  text primary key,
    refund_id        uuid not null,
    amount_minor     bigint not null,
    currency         text not null,
    method           text,
    provider_ref     text not null,
    status           text not null,
    created_at       timestamptz not null default now(),
    confirmed_at     timestamptz
);
create index payout_unconfirmed on payout (created_at) where status = 'ACCEPTED';

-- Every money movement: who, when, what, before and after, why. No personal data.
create table audit_log (
    id         bigserial primary key,
    at         timestamptz not null,
    actor      text not null,
    action     text not null,
    refund_id  uuid,
    order_id   text not null,
    before     jsonb,
    after      jsonb,
    reason     text
);
create index audit_log_order on audit_log (order_id);
create index audit_log_refund on audit_log (refund_id);

create table outbox (
    id           uuid primary key,
    topic        text not null,
    key          text not null,
    event        text not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox (created_at) where published_at is null;
