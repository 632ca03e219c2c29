-- A change record keeps the whole old and new value of a field, however long the text (an agreed action or
-- a narrative pasted from a committee paper can run to tens of thousands of characters).
alter table change_record alter column new_value set data type text;
alter table change_record alter column old_value set data type text;
