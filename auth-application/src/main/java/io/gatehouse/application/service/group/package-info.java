/** The services behind groups administration and identity-provider membership sync. */
package io.gatehouse.application.service.group;
