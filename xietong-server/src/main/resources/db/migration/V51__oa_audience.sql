-- OA audiences and receipts (issue 15, F10): whom a 公告/新闻 (and later a 调查 or 讨论) is for, and what each
-- reader did with it. An item is named by its kind (notice, survey, …) and its id in that feature's table.
-- The publisher's choice (everyone, department subtrees, named people) is kept as chosen; when the item is
-- published it is resolved once to the active internal employees it reaches (fixed_at) and every one of them
-- gets a receipt: the reader as they were then (员工ID, name, main department), the first read and 确认收到.

create table oa_audience (
    item_kind         varchar(16) not null,
    item_id           bigint not null,
    everyone          boolean not null default false,
    department_ids    text,
    userids           text,
    fixed_at          timestamp with time zone,
    reader_count      int not null default 0,
    last_reminded_at  timestamp with time zone,
    primary key (item_kind, item_id)
);

create table oa_receipt (
    item_kind     varchar(16) not null,
    item_id       bigint not null,
    employee_id   bigint not null,
    userid        varchar(64) not null,
    name          varchar(64) not null,
    department    varchar(64) not null,
    added_at      timestamp with time zone not null,
    read_at       timestamp with time zone,
    confirmed_at  timestamp with time zone,
    primary key (item_kind, item_id, employee_id)
);
-- a reader's items (lists, unread counts)
create index oa_receipt_reader on oa_receipt (employee_id, item_kind, item_id);
