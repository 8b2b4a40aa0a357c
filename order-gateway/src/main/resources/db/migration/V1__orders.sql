-- order-gateway: the system of record for orders, customers, payments and inventory.
-- Money is stored in minor units (bigint); every mutable aggregate root has a version column.

create sequence order_number_seq start with 10000001;

create table customer (
    id            varchar(40)  primary key,
    name          varchar(200),
    created_at    timestamptz  not null,
    version       bigint       not null default 0
);

-- One customer, many ways to reach them: phone, email, platform accounts (e.g. "taobao:tb_buyer_1").
create sequence customer_identity_seq increment by 50;
create table customer_identity (
    id            bigint       primary key,
    customer_id   varchar(40)  not null references customer(id),
    kind          varchar(20)  not null,   -- PHONE, EMAIL, PLATFORM
    value         varchar(200) not null,
    verified      boolean      not null default false,
    created_at    timestamptz  not null,
    unique (kind, value)
);
create index customer_identity_customer_idx on customer_identity(customer_id);

create table orders (
    id                 varchar(32)  primary key,
    platform           varchar(20)  not null,  -- SHOPIFY, TAOBAO, JD, WEB ...
    external_id        varchar(100) not null,
    customer_id        varchar(40)  not null references customer(id),
    status             varchar(30)  not null,
    hold_reason        varchar(500),
    currency           varchar(3)   not null,
    total_minor        bigint       not null,
    -- shipping address, structured; format ZH (province/city/district/street) or WESTERN (street/line2/city/state/postal)
    addr_format        varchar(10)  not null,
    addr_recipient     varchar(200) not null,
    addr_phone         varchar(40),
    addr_country       varchar(2)   not null,
    addr_province      varchar(100),
    addr_city          varchar(100),
    addr_district      varchar(100),
    addr_street        varchar(300) not null,
    addr_line2         varchar(300),
    addr_postal_code   varchar(20),
    -- bumped whenever the item lines change, so CDC on this row tells "items changed"
    items_revision     integer      not null default 0,
    placed_at          timestamptz  not null,
    paid_at            timestamptz,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0,
    unique (platform, external_id)
);
create index orders_customer_idx on orders(customer_id, placed_at desc);

create sequence order_item_seq increment by 50;
create table order_item (
    id                 bigint       primary key,
    order_id           varchar(32)  not null references orders(id),
    line_no            integer      not null,
    sku                varchar(100) not null,
    name               varchar(300) not null,
    category           varchar(40)  not null,
    size               varchar(40),
    colour             varchar(40),
    quantity           integer      not null check (quantity > 0),
    unit_price_minor   bigint       not null check (unit_price_minor >= 0),
    list_price_minor   bigint       not null check (list_price_minor >= 0),
    unique (order_id, line_no)
);

create sequence payment_seq increment by 50;
create table payment (
    id                 bigint       primary key,
    order_id           varchar(32)  not null references orders(id),
    method             varchar(30)  not null,
    status             varchar(30)  not null,
    amount_minor       bigint       not null,
    currency           varchar(3)   not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0
);
create index payment_order_idx on payment(order_id);

create sequence payment_transaction_seq increment by 50;
create table payment_transaction (
    id                 bigint       primary key,
    payment_id         bigint       not null references payment(id),
    kind               varchar(20)  not null,   -- CHARGE, REFUND
    status             varchar(20)  not null,   -- SUCCEEDED, FAILED, PENDING
    amount_minor       bigint       not null,
    provider_ref       varchar(100),
    failure_reason     varchar(200),
    at                 timestamptz  not null
);
create index payment_transaction_payment_idx on payment_transaction(payment_id);

create sequence order_flag_seq increment by 50;
create table order_flag (
    id                 bigint       primary key,
    order_id           varchar(32)  not null references orders(id),
    kind               varchar(40)  not null,   -- PRICE_ANOMALY, STOCK_SHORTAGE, FRAUD_RISK, ADDRESS_CHANGED_AFTER_PAYMENT
    detail             varchar(500) not null,
    raised_at          timestamptz  not null,
    resolved_at        timestamptz
);
create index order_flag_order_idx on order_flag(order_id);

-- Latest known stock per SKU, fed by inventory.levels.
create table inventory_level (
    sku                varchar(100) primary key,
    available          integer      not null,
    restock_eta        date,
    updated_at         timestamptz  not null
);

-- Who changed money, address or status, when, from what to what, and why.
create sequence audit_log_seq increment by 50;
create table audit_log (
    id                 bigint       primary key,
    order_id           varchar(32)  not null,
    field              varchar(40)  not null,   -- STATUS, ADDRESS, ITEMS, PRICE, PAYMENT, FLAG
    actor              varchar(100) not null,
    reason             varchar(500),
    before_value       jsonb,
    after_value        jsonb,
    at                 timestamptz  not null
);
create index audit_log_order_idx on audit_log(order_id, at);

-- CDC needs the before-image of updates to tell what changed.
alter table orders replica identity full;
alter table order_item replica identity full;
alter table payment replica identity full;
alter table order_flag replica identity full;
