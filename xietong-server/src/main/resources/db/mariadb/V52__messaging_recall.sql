-- Taking messages back (issue 15). MariaDB/MySQL twin of db/migration/V52__messaging_recall.sql.

alter table outbox_message add column reference varchar(128);
alter table outbox_message add column recall_requested_at datetime(6);
create index ix_outbox_message_reference on outbox_message (system_code, reference);

create table outbox_recall (
    id               bigint not null auto_increment primary key,
    message_id       bigint not null,
    chunk_id         bigint not null,
    msgid            varchar(128) not null,
    sent_at          datetime(6) not null,
    state            varchar(16) not null,
    attempts         int not null default 0,
    next_attempt_at  datetime(6) not null,
    claimed_by       varchar(64),
    claimed_until    datetime(6),
    last_error       varchar(1000),
    last_errcode     int,
    requested_at     datetime(6) not null,
    finished_at      datetime(6),
    constraint outbox_recall_state check (state in ('pending', 'recalling', 'recalled', 'failed', 'expired')),
    constraint outbox_recall_message_fk foreign key (message_id) references outbox_message (id) on delete cascade,
    constraint outbox_recall_chunk_fk foreign key (chunk_id) references outbox_chunk (id) on delete cascade
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
create unique index ux_outbox_recall_chunk on outbox_recall (chunk_id);
create index ix_outbox_recall_due on outbox_recall (state, next_attempt_at);
create index ix_outbox_recall_message on outbox_recall (message_id);
