-- Published outbox rows are deleted once older than ordercare.dialog.outbox-keep (OutboxPublisher's purge);
-- this index finds them without reading the whole table. Unpublished rows stay in outbox_unpublished only.
create index outbox_published on outbox (published_at) where published_at is not null;
