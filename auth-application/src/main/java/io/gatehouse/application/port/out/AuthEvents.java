package io.gatehouse.application.port.out;

/**
 * Where auth events go: the audit log, the sign-up webhook. Publishing never fails the use case: implementations
 * catch and log their own failures, and do slow work (webhooks) off the caller's thread.
 */
public interface AuthEvents {

    void publish(AuthEvent event);
}
