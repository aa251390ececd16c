/** Single sign-on with OAuth 2.0 and OpenID Connect providers: the two halves of a browser login. */
package io.gatehouse.application.port.in.oauth;
