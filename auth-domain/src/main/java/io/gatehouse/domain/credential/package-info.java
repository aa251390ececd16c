/**
 * How a user proves who they are: passwords as typed ({@link io.gatehouse.domain.credential.PlainPassword}), as
 * stored ({@link io.gatehouse.domain.credential.Credential}) and the rules a new password must meet
 * ({@link io.gatehouse.domain.credential.PasswordPolicy}).
 */
package io.gatehouse.domain.credential;
