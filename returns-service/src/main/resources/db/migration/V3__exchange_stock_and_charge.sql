-- Exchanges: the replacement shipped is recorded (so an identical retry of the shipment is recognised and changes
-- nothing), and a dearer replacement's price difference is charged once to the original payment method: a ledger
-- entry of kind EXCHANGE_CHARGE in the refund table (amount positive, key exchange-charge:<rmaId>), paid in by the
-- provider instead of paid out.
alter table return_request
    add column replacement_sku             text,
    add column replacement_carrier         text,
    add column replacement_tracking_number text,
    add column price_difference_minor      bigint,
    add column charge_id                   uuid;

-- The embedded payment provider's charges: one per idempotency key (a repeated key charges nothing more).
create table provider_charge (
    idempotency_key  text primary key,
    refund_id        uuid not null,
    amount_minor     bigint not null check (amount_minor > 0),
    currency         text not null,
    method           text,
    provider_ref     text not null,
    status           text not null,
    created_at       timestamptz not null default now(),
    confirmed_at     timestamptz
);
create index provider_charge_unconfirmed on provider_charge (created_at) where status = 'ACCEPTED';
