package io.gatehouse.application.service.session;

import io.gatehouse.application.port.out.AuthEvent.SignInFailure;
import io.gatehouse.domain.throttle.ClientAddress;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refusals of the sign-in limits, remembered in this process until their {@code Retry-After}. A client that keeps
 * knocking meanwhile is refused again without a trip to the shared store and without being counted: the limits treat
 * it as a client that waited as it was told, so the refusal holds exactly as long as it said. Each refusal is kept
 * under what it limits (the account, the address, or both), so that trying other accounts from a refused address
 * remembers nothing more. At most {@link #CAPACITY} are kept; past that, refusals go to the store as before.
 */
final class RememberedRefusals {

    static final int CAPACITY = 10_000;

    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

    private final Map<String, Remembered> refusals = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.MIN;

    /** A refusal still in force for this attempt, with what is left of its wait. */
    Optional<SignInThrottle.Throttled> find(String account, ClientAddress from, Instant now) {
        for (String key : new String[]{accountKey(account), addressKey(from), pairKey(account, from)}) {
            Remembered found = refusals.get(key);
            if (found != null) {
                if (now.isBefore(found.until)) {
                    return Optional.of(new SignInThrottle.Throttled(found.failure, Duration.between(now, found.until)));
                }
                refusals.remove(key, found);
            }
        }
        return Optional.empty();
    }

    void remember(String account, ClientAddress from, SignInThrottle.Throttled refused, Instant now) {
        if (refusals.size() >= CAPACITY) {
            // full: expired refusals are swept at most once a second, not on every new refusal of a flood
            if (now.isBefore(nextSweep)) {
                return;
            }
            nextSweep = now.plus(SWEEP_INTERVAL);
            refusals.values().removeIf(old -> !now.isBefore(old.until));
            if (refusals.size() >= CAPACITY) {
                return;
            }
        }
        String key;
        switch (refused.failure()) {
            case THROTTLED_ACCOUNT: key = accountKey(account); break;
            case THROTTLED_ADDRESS: key = addressKey(from); break;
            default: key = pairKey(account, from); break;
        }
        refusals.put(key, new Remembered(refused.failure(), now.plus(refused.retryAfter())));
    }

    /** How many refusals are remembered: for tests of the bound. */
    int size() {
        return refusals.size();
    }

    private static String accountKey(String account) {
        return "account:" + account;
    }

    private static String addressKey(ClientAddress from) {
        return "address:" + from.value();
    }

    private static String pairKey(String account, ClientAddress from) {
        return "pair:" + account + "|" + from.value();
    }

    private static final class Remembered {
        final SignInFailure failure;
        final Instant until;

        Remembered(SignInFailure failure, Instant until) {
            this.failure = failure;
            this.until = until;
        }
    }
}
