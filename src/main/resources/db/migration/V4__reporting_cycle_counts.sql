-- A reporting cycle asks only the recommendations in implementation, and keeps how many it asked and how
-- many open ones it did not. Cycles opened before this counted nothing (they asked every open one): null.
alter table reporting_cycle add column asked_count integer;
alter table reporting_cycle add column not_asked_count integer;
alter table reporting_cycle add column all_asked_at timestamp(6) with time zone;
