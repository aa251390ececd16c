/** Single sign-on services (Open WebUI §7). */
package io.gatehouse.application.service.oauth;
