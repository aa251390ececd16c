/** The services behind running an instance: accounts, contact, settings, default permissions, bootstrap. */
package io.gatehouse.application.service.admin;
