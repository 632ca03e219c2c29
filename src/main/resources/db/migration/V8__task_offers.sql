-- Each candidate group's link to a task, with the task's due date and creation time: what Tasklist's
-- "My group's tasks" sorts by, beside the group, so that its first page is read from the front of an index
-- whatever the number of tasks the group is offered. The engine's own tables hold the same facts apart (the
-- link on ACT_RU_IDENTITYLINK, the dates on ACT_RU_TASK). Database triggers on those tables keep the rows,
-- made once the engine has made its tables (security.engine.TaskOffers), so no write of the engine's is missed.
create table task_offer (
  link_id varchar(64) not null primary key,
  task_id varchar(64) not null,
  group_id varchar(255) not null,
  tenant_id varchar(64),
  due_date timestamp,
  create_time timestamp
);
create index ix_task_offer_group_due on task_offer (group_id, due_date, task_id);
create index ix_task_offer_group_created on task_offer (group_id, create_time, task_id);
create index ix_task_offer_task on task_offer (task_id);
