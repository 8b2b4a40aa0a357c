-- Plain indexes for the hot queries. The partial indexes of V1 only serve queries whose status is a
-- literal; these queries bind it as a parameter (generic plans), so they need indexes without a predicate.
create index handoffs_by_conversation on handoffs (conversation_id);
create index handoffs_by_status_queue on handoffs (status, queue_id, queued_at);
create index assignments_by_status_expiry on assignments (status, offer_expires_at);
create index assignments_by_agent_status on assignments (agent_id, status);
