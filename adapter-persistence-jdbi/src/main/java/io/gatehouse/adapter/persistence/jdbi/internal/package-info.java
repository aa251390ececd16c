/**
 * How the JDBI adapter talks to the database: one repository class per driven port, the SQL they run, and the
 * mapping between rows and domain objects. Not an API: only {@link
 * io.gatehouse.adapter.persistence.jdbi.internal.Repositories} is public, for the adapter's entry point, and any of
 * it may change at any time.
 */
package io.gatehouse.adapter.persistence.jdbi.internal;
