/**
 * Accounts: who a user is ({@link io.gatehouse.domain.user.User}), how they are identified
 * ({@link io.gatehouse.domain.user.UserId}, {@link io.gatehouse.domain.user.EmailAddress}) and their profile.
 */
package io.gatehouse.domain.user;
