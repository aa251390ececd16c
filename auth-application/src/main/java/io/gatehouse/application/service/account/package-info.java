/** The services behind what users do to their own account. */
package io.gatehouse.application.service.account;
