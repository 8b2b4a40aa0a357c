-- dialog-service: customers as the assistant knows them, their channel identities (and merges of them),
-- conversations with their turns, and the outbox of replies and handoff requests.

-- One customer with one history, however many channels reached us. gateway_customer_id links to
-- order-gateway's customer once an identity matched one of its customers.
create table customer_profile (
    id                  uuid primary key,
    gateway_customer_id text,
    merged_into         uuid references customer_profile (id),
    created_at          timestamptz not null,
    version             bigint not null default 0
);
-- one live profile per order-gateway customer (merged-away profiles keep their history, not the link)
create unique index customer_profile_gateway on customer_profile (gateway_customer_id)
    where gateway_customer_id is not null and merged_into is null;

-- How a channel names the customer: PHONE (E.164), EMAIL (lower case) or PLATFORM (e.g. taobao:nick).
create table channel_identity (
    id          bigserial primary key,
    kind        text not null check (kind in ('PHONE', 'EMAIL', 'PLATFORM')),
    value       text not null,
    profile_id  uuid not null references customer_profile (id),
    first_seen  timestamptz not null,
    unique (kind, value)
);
create index channel_identity_profile on channel_identity (profile_id);

-- A merge of two profiles, with the evidence that they are one customer; undone_at set when undone.
create table identity_merge (
    id            uuid primary key,
    from_profile  uuid not null references customer_profile (id),
    into_profile  uuid not null references customer_profile (id),
    evidence      text not null,
    moved         text not null,
    merged_at     timestamptz not null,
    undone_at     timestamptz,
    undone_by     text
);
create index identity_merge_profiles on identity_merge (into_profile, from_profile);

create table conversation (
    id              text primary key,
    channel         text not null,
    profile_id      uuid not null references customer_profile (id),
    identity_kind   text not null,
    identity_value  text not null,
    lang            text not null,
    -- BOT: the assistant answers; HUMAN: handed off, the assistant stays silent until handed back
    owner           text not null check (owner in ('BOT', 'HUMAN')),
    handoff_id      text,
    verified        boolean not null default false,
    -- the dialog's memory: order in focus, what the bot waits for, its slots (JSON)
    state           text not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint not null default 0
);
create index conversation_profile on conversation (profile_id, channel, updated_at desc);

create table turn (
    id              bigserial primary key,
    conversation_id text not null references conversation (id),
    seq             int not null,
    -- customer, bot, agent or system
    speaker         text not null,
    text            text not null,
    intent          text,
    confidence      double precision,
    -- the channel's message id: a message delivered twice is answered once
    message_id      text,
    at              timestamptz not null,
    unique (conversation_id, seq)
);
create unique index turn_message on turn (conversation_id, message_id) where message_id is not null;

-- Events of other services already applied (returns.events, routing.events): a redelivery changes nothing.
create table processed_event (
    id          text primary key,
    at          timestamptz not null
);

create table outbox (
    id           uuid primary key,
    topic        text not null,
    key          text not null,
    event        text not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox (created_at) where published_at is null;

-- Orders a conversation was about: returns-service's news about an order goes to the customer's latest one.
create table conversation_order (
    conversation_id text not null references conversation (id),
    order_id        text not null,
    at              timestamptz not null,
    primary key (conversation_id, order_id)
);
create index conversation_order_order on conversation_order (order_id, at desc);
