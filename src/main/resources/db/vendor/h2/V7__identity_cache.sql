-- H2 only. H2 writes its whole store to disk each time an identity column uses up its cache of values (32 by
-- default): several times a recommendation in an import. A cache of 1,000 keeps ids in the order they are given;
-- after a crash the next ids skip the rest of the cache.
alter table audit alter column id set cache 1000;
alter table change_record alter column id set cache 1000;
alter table evidence alter column id set cache 1000;
alter table missed_update alter column id set cache 1000;
alter table outbound_mail alter column id set cache 1000;
alter table progress_update alter column id set cache 1000;
alter table recommendation alter column id set cache 1000;
alter table reporting_cycle alter column id set cache 1000;
alter table review_decision alter column id set cache 1000;
alter table risk_acceptance alter column id set cache 1000;
alter table status_change alter column id set cache 1000;
alter table target_date_revision alter column id set cache 1000;
