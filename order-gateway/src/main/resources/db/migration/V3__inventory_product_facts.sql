-- What inventory.levels may now tell about a SKU besides its stock, so that a product that is short can be
-- offered a substitute (same category, similar price, size and colour). All optional: older records carry none.
-- The widths are those of order_item, whose line takes these values when an item is replaced.
alter table inventory_level
    add column name             varchar(300),
    add column category         varchar(40),             -- the suite's categories, lower case: apparel, digital, fresh ...
    add column unit_price_minor bigint check (unit_price_minor >= 0),
    add column currency         varchar(3),
    add column size             varchar(40),
    add column colour           varchar(40),
    -- a price means nothing without its currency
    add constraint inventory_level_price_currency check ((unit_price_minor is null) = (currency is null));

-- Substitute candidates are looked up by category and currency within a price window.
create index inventory_level_substitute_idx on inventory_level (category, currency, unit_price_minor);

-- order_flag.kind has no check constraint: the kinds callers raise (CUSTOMER_UNREACHABLE, AWAITING_RESTOCK,
-- NEEDS_AGENT) fit its varchar(40) as they are.
