-- Every task's brief reads a recommendation's latest progress update and its revisions: without these
-- indexes each read scans the whole table, and an import or a reporting cycle slows with every row.
create index ix_progress_update_rec on progress_update (recommendation_id);
create index ix_target_date_revision_rec on target_date_revision (recommendation_id);
