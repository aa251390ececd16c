/** What signed-in users do to their own account: profile, timezone, password, API key. */
package io.gatehouse.application.port.in.account;
