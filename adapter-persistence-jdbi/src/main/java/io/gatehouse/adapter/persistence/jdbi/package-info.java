/**
 * The JDBI persistence adapter: accounts, credentials, groups, API keys, token revocations and run-time settings in
 * H2 or PostgreSQL. {@link io.gatehouse.adapter.persistence.jdbi.JdbiPersistence} opens a connection pool, brings the
 * schema up to date with Flyway (a new embedded H2 database gets the same schema and history without it) and hands
 * out the driven ports of {@code auth-application}; everything behind it lives in the {@code internal} package and
 * may change at any time.
 */
package io.gatehouse.adapter.persistence.jdbi;
