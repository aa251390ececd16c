-- Which account an identity at a single sign-on provider belongs to (Open WebUI keeps a JSON map in user.oauth).
-- The primary key makes an identity name one account; the unique index gives an account one subject per provider.
CREATE TABLE identity_links (
    provider   VARCHAR(64)  NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    user_id    VARCHAR(64)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT       NOT NULL,
    PRIMARY KEY (provider, subject)
);
CREATE UNIQUE INDEX identity_links_user_provider ON identity_links (user_id, provider);

-- A user's sessions at identity providers (Open WebUI's oauth_session): the provider's tokens, sealed with AES-GCM.
CREATE TABLE idp_sessions (
    id            VARCHAR(64)  PRIMARY KEY,
    user_id       VARCHAR(64)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider      VARCHAR(64)  NOT NULL,
    provider_sid  VARCHAR(255),
    sealed_tokens TEXT         NOT NULL,
    expires_at    BIGINT,
    created_at    BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL
);
CREATE INDEX idp_sessions_user_provider ON idp_sessions (user_id, provider);
CREATE INDEX idp_sessions_provider_sid ON idp_sessions (provider, provider_sid);
