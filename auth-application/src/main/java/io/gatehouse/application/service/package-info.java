/**
 * One service per use case, and the few components they share ({@link io.gatehouse.application.service.SettingsHolder},
 * {@link io.gatehouse.application.service.SessionIssuer}, {@link io.gatehouse.application.service.AccountRegistrar},
 * {@link io.gatehouse.application.service.EffectivePermissions}). Only the composition root constructs them.
 */
package io.gatehouse.application.service;
