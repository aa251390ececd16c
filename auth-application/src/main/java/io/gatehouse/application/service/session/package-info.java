/** The services behind signing up, in and out, and recognising callers. */
package io.gatehouse.application.service.session;
