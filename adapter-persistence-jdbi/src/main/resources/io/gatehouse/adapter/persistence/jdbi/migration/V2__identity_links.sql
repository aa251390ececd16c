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
