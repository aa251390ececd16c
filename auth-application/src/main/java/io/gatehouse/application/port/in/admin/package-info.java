/** What admins do to run an instance: accounts, the admin contact, settings, default permissions, bootstrap. */
package io.gatehouse.application.port.in.admin;
