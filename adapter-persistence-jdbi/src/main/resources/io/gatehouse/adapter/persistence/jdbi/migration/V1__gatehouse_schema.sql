-- Gatehouse schema, version 1. The same SQL runs on H2 and PostgreSQL, so it keeps to the standard subset both
-- understand. Times are epoch milliseconds (BIGINT); JSON is TEXT that the adapter reads and writes with Jackson.

-- One row per critical section. A writer that must not race another locks its row with SELECT ... FOR UPDATE:
-- 'users.insert' makes "count the accounts, then insert" atomic, so exactly one account is ever the first;
-- 'settings.save' keeps two saves of the settings from interleaving.
CREATE TABLE write_locks (
    lock_name VARCHAR(32) PRIMARY KEY
);
INSERT INTO write_locks (lock_name) VALUES ('users.insert');
INSERT INTO write_locks (lock_name) VALUES ('settings.save');

CREATE TABLE users (
    id                VARCHAR(64)  PRIMARY KEY,
    email             VARCHAR(254) NOT NULL,
    name              VARCHAR(255) NOT NULL,
    role              VARCHAR(16)  NOT NULL,
    profile_image_url TEXT         NOT NULL, -- may be a data URI of a picture
    bio               TEXT,
    gender            TEXT,
    date_of_birth     DATE,
    timezone          TEXT,
    token_version     INTEGER      NOT NULL,
    created_at        BIGINT       NOT NULL,
    updated_at        BIGINT       NOT NULL,
    last_active_at    BIGINT,
    -- Moves on with every write: a write based on an older read changes nothing (optimistic concurrency).
    revision          BIGINT       NOT NULL,
    -- Only lower-case addresses, so that the unique index below makes e-mails unique case-insensitively on every
    -- database, without an expression index that H2 lacks.
    CONSTRAINT users_email_lower_case CHECK (email = LOWER(email))
);
CREATE UNIQUE INDEX users_email ON users (email);

-- One row per account. A NULL hash is the explicit "this account has no password" (single sign-on, LDAP, trusted
-- header): no string in the column can be mistaken for it.
CREATE TABLE credentials (
    user_id       VARCHAR(64)   PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    password_hash VARCHAR(1024)
);

-- No foreign key on creator_id: a group outlives the admin who made it.
CREATE TABLE groups (
    id          VARCHAR(64)   PRIMARY KEY,
    name        VARCHAR(255)  NOT NULL,
    description VARCHAR(2000) NOT NULL,
    permissions TEXT          NOT NULL,
    data        TEXT          NOT NULL,
    meta        TEXT          NOT NULL,
    creator_id  VARCHAR(64)   NOT NULL,
    created_at  BIGINT        NOT NULL,
    updated_at  BIGINT        NOT NULL
);
CREATE UNIQUE INDEX groups_name ON groups (name);

-- One row per reason a user belongs to a group: the same user may be a member through an admin and through OAuth.
CREATE TABLE group_memberships (
    group_id   VARCHAR(64) NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id    VARCHAR(64) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    source     VARCHAR(32) NOT NULL,
    created_at BIGINT      NOT NULL,
    PRIMARY KEY (group_id, user_id, source)
);
-- Every request reads the groups of its user.
CREATE INDEX group_memberships_user ON group_memberships (user_id);

-- At most one key per user; every request authenticated by a key looks it up by digest.
CREATE TABLE api_keys (
    user_id      VARCHAR(64)  PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    digest       VARCHAR(64)  NOT NULL,
    hint         VARCHAR(255) NOT NULL,
    created_at   BIGINT       NOT NULL,
    expires_at   BIGINT,
    last_used_at BIGINT
);
CREATE UNIQUE INDEX api_keys_digest ON api_keys (digest);

-- A row lives until its token would have expired; tokens that never expire have no expiry and stay.
CREATE TABLE revoked_tokens (
    token_id   VARCHAR(64) PRIMARY KEY,
    expires_at BIGINT
);
-- The periodic purge deletes by expiry.
CREATE INDEX revoked_tokens_expiry ON revoked_tokens (expires_at);

-- Settings admins change at run time, under Open WebUI's persistent-config names; each value is JSON.
CREATE TABLE settings (
    setting_key   VARCHAR(255) PRIMARY KEY,
    setting_value TEXT         NOT NULL
);
