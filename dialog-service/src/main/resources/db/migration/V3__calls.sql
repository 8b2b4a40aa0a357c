-- The phone robot: campaigns of outbound contacts, one task per order and episode, each dial attempt, the
-- customers' contact preferences (do-not-call, preferred channel), the hour statistics the best-time model
-- learns from, and satisfaction survey answers.

-- A batch of contacts with one purpose. AUTO campaigns are standing ones fed by order.changes and
-- logistics.alerts; MANUAL ones are started over REST for a list of orders and complete when all are done.
create table campaign (
    id                     uuid primary key,
    name                   text not null,
    kind                   text not null check (kind in ('CONFIRMATION', 'STOCK_SHORTAGE', 'PRICE_ANOMALY',
                                                         'LOGISTICS', 'SURVEY')),
    trigger                text not null check (trigger in ('AUTO', 'MANUAL')),
    status                 text not null check (status in ('RUNNING', 'PAUSED', 'CANCELLED', 'COMPLETED')),
    -- daily slots in the customer's local time, e.g. 09:00-12:00,14:00-18:00; outside them is quiet
    calling_window         text not null,
    max_attempts           int not null,
    retry_spacing_seconds  bigint not null,
    concurrency            int not null,
    best_time              boolean not null,
    idempotency_key        text unique,
    created_at             timestamptz not null,
    finished_at            timestamptz,
    version                bigint not null default 0
);

-- One contact to make: an order and why (the episode: confirm:<order>, flag:<flag id>, alert:<order>:<episode>,
-- survey:<order>). The episode is unique: the same reason never makes a second contact.
create table call_task (
    id               uuid primary key,
    campaign_id      uuid not null references campaign (id),
    episode          text not null unique,
    order_id         text not null,
    kind             text not null,
    -- the script of the call and, for confirmations, the checks it reads back
    script           text not null,
    -- E.164 number to call (never logged)
    phone            text not null,
    lang             text not null,
    zone             text not null,
    channel          text not null check (channel in ('CALL', 'MESSAGE')),
    status           text not null check (status in ('PENDING', 'DIALING', 'IN_CALL', 'DONE')),
    outcome          text,
    -- facts of the episode (JSON): the alert's sentences, the rule that chose the script...
    facts            text not null default '{}',
    attempts         int not null default 0,
    next_attempt_at  timestamptz,
    last_call_id     uuid,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    done_at          timestamptz
);
create index call_task_due on call_task (campaign_id, next_attempt_at) where status = 'PENDING';
create index call_task_busy on call_task (campaign_id) where status in ('DIALING', 'IN_CALL');
create index call_task_progress on call_task (campaign_id, status, outcome);
create index call_task_done on call_task (campaign_id, done_at) where done_at is not null;
create index call_task_order on call_task (order_id);

-- One dial: placed, answered (by a person or a machine), ended with the platform's status.
create table call_attempt (
    id               uuid primary key,
    task_id          uuid not null references call_task (id),
    attempt          int not null,
    call_sid         text,
    placed_at        timestamptz not null,
    -- the customer's local hour when placed (answer rate by hour)
    local_hour       int not null,
    answered_at      timestamptz,
    answered_by      text,
    ended_at         timestamptz,
    call_status      text,
    conversation_id  text
);
create index call_attempt_task on call_attempt (task_id);

-- What a customer (by phone number) allows: never call (do-not-call), and the channel they prefer for news.
create table contact_preference (
    phone              text primary key,
    do_not_call        boolean not null default false,
    preferred_channel  text not null default 'MESSAGE' check (preferred_channel in ('CALL', 'MESSAGE')),
    reason             text,
    updated_at         timestamptz not null,
    version            bigint not null default 0
);

-- Per customer and local hour: calls placed, calls a person answered, orders placed. The best-time model's
-- evidence; summed over customers it is the population prior.
create table contact_hour (
    phone     text not null,
    hour      int not null check (hour between 0 and 23),
    calls     int not null default 0,
    answered  int not null default 0,
    orders    int not null default 0,
    primary key (phone, hour)
);

-- Order events already counted into contact_hour (a redelivery counts once).
create table contact_hour_event (
    id  text primary key,
    at  timestamptz not null
);

-- After delivery: the customer's score (1-5) and words.
create table survey_answer (
    task_id   uuid primary key references call_task (id),
    order_id  text not null,
    score     int check (score between 1 and 5),
    comment   text,
    lang      text not null,
    at        timestamptz not null
);
