-- Orders are being added to the campaign until then: a manual campaign is not complete while it is still being
-- filled (Campaigns.completeFinished), even when every contact planned so far is done.
alter table campaign add column planning_until timestamptz;
