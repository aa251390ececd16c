/** The service behind the public configuration. */
package io.gatehouse.application.service.config;
