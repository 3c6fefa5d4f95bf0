-- Mobile access (F9): employees' own passwords for the browser sign-in (hashed), and the key that
-- signs deep links (sealed with the master key, shared by all nodes).

create table employee_credential (
    userid          varchar(64) primary key,
    password_hash   varchar(255) not null,
    failed_attempts int not null default 0,
    locked_until    timestamp with time zone,
    updated_at      timestamp with time zone not null
);

create table mobile_signing_key (
    id          int primary key,
    key_sealed  varchar(1024) not null,
    created_at  timestamp with time zone not null
);
