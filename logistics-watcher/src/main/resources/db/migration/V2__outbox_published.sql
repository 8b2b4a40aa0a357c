-- Published outbox rows are deleted once older than ordercare.logistics.outbox-keep (OutboxPublisher's purge);
-- this index finds them without reading the whole table. Unpublished rows stay in outbox_unpublished only.
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
