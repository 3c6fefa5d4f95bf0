-- OA audiences and receipts (issue 15, F10): whom a 公告/新闻 (and later a 调查 or 讨论) is for, and what each
-- reader did with it. MariaDB/MySQL twin of db/migration/V51__oa_audience.sql.

create table oa_audience (
    item_kind         varchar(16) not null,
    item_id           bigint not null,
    everyone          boolean not null default false,
    department_ids    mediumtext,
    userids           mediumtext,
    fixed_at          datetime(6),
    reader_count      int not null default 0,
    last_reminded_at  datetime(6),
    primary key (item_kind, item_id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create table oa_receipt (
    item_kind     varchar(16) not null,
    item_id       bigint not null,
    employee_id   bigint not null,
    userid        varchar(64) not null,
    name          varchar(64) not null,
    department    varchar(64) not null,
    added_at      datetime(6) not null,
    read_at       datetime(6),
    confirmed_at  datetime(6),
    primary key (item_kind, item_id, employee_id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
create index oa_receipt_reader on oa_receipt (employee_id, item_kind, item_id);
