/** The instance settings admins change at run time ({@link io.gatehouse.domain.settings.AuthSettings}). */
package io.gatehouse.domain.settings;
