-- WeChat Work access tokens, shared by every node so that a fleet fetches one token per credential.
-- cache_key is the SHA-256 of corp id, secret and API base; the token itself is sealed (AES-GCM).
create table wecom_token (
    cache_key     varchar(64) primary key,
    token_sealed  varchar(2048),
    expires_at    timestamp with time zone,
    fetched_at    timestamp with time zone,
    fetch_count   bigint not null default 0
);
