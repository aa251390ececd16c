package io.gatehouse.application.port.out;

/**
 * Something outside Gatehouse failed: the database, the directory, the cache, an identity provider. Adapters
 * translate their vendor exceptions into this type; the HTTP adapter answers 503 without any detail, and the
 * message never carries secrets. Expected refusals (wrong password, rate limit) are results, never exceptions.
 */
public class InfrastructureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }

    public InfrastructureException(String message) {
        super(message);
    }
}
