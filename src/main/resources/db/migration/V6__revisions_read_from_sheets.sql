-- A revision read from an imported sheet's text: the reporting cycle as the sheet names it, and where it was read.
alter table target_date_revision add column cycle_as_written varchar(200);
alter table target_date_revision add column read_from varchar(400);
