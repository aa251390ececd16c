/** Signing up, in and out, and recognising the caller of every request. */
package io.gatehouse.application.port.in.session;
