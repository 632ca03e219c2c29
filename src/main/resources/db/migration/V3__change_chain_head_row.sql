-- The change record's chain head is one row, put in place here once, so two nodes starting together
-- never both try to create it.
insert into change_chain_head (id, entries, last_hash)
select 1, 0, '0000000000000000000000000000000000000000000000000000000000000000'
where not exists (select 1 from change_chain_head where id = 1);
