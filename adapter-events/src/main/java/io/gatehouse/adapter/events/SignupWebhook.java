package io.gatehouse.adapter.events;

import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.domain.net.PublicAddresses;
import io.gatehouse.domain.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Open WebUI's sign-up webhook (§10.1): when an account is created through a channel that
 * {@linkplain AuthEvent.Channel#notifiesSignup() notifies sign-ups}, posts a message about it to the webhook URL
 * configured at that moment, shaped for Slack, Google Chat, Discord or Teams by the URL, or as the raw event.
 *
 * <p>Delivery never blocks or fails the sign-up: {@link #publish} hands it to one background thread through a queue
 * of bounded length, and drops it with a warning when the queue is full. Each delivery is one POST with connect and
 * request timeouts of {@value #TIMEOUT_SECONDS} seconds, redirects are not followed, and a failure is logged and
 * given up. Log lines name the URL by scheme and host only: Slack and Discord URLs carry their secret in the path,
 * others in the query.
 *
 * <p>Unless private addresses are allowed, the host must resolve to public addresses only (no loopback, private,
 * link-local or metadata address; see {@link PublicAddresses}). The HTTP client resolves the host again when it
 * connects, so a DNS server that answers differently the second time is not caught; the URL is set by an admin.
 *
 * <p>{@link #close()} stops the thread, giving queued deliveries {@value #CLOSE_GRACE_SECONDS} seconds to finish.
 */
public final class SignupWebhook implements AuthEvents, AutoCloseable {

    /** What became of one delivery. */
    public enum Outcome {
        /** The endpoint answered 2xx. */
        DELIVERED,
        /** No webhook URL is configured: nothing to do. */
        NOT_CONFIGURED,
        /** The URL is not an {@code http} or {@code https} URL with a host. */
        INVALID_URL,
        /** The host resolves to an address private addresses are not allowed to reach. */
        REFUSED_ADDRESS,
        /** The host did not resolve, could not be reached in time, or answered other than 2xx. */
        FAILED
    }

    static final int TIMEOUT_SECONDS = 10;
    static final int CLOSE_GRACE_SECONDS = 15;
    private static final int QUEUE_CAPACITY = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SignupWebhook.class);

    private final Supplier<Optional<URI>> webhookUrl;
    private final String appName;
    private final String appVersion;
    private final boolean allowPrivateAddresses;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ThreadPoolExecutor worker;

    /**
     * Starts the background thread.
     *
     * @param webhookUrl            the URL to post to, read at each delivery (Open WebUI's {@code WEBHOOK_URL} can
     *                              change at run time); empty when none is configured
     * @param appName               the application's name, in the Teams card ({@code WEBUI_NAME})
     * @param appVersion            the application's version, in the Teams card
     * @param allowPrivateAddresses whether the URL may lead to loopback and private networks (a webhook receiver on
     *                              the same host or network); false guards against server-side request forgery
     */
    public SignupWebhook(Supplier<Optional<URI>> webhookUrl, String appName, String appVersion,
                         boolean allowPrivateAddresses) {
        this(webhookUrl, appName, appVersion, allowPrivateAddresses, QUEUE_CAPACITY);
    }

    /** As the public constructor, with a queue of {@code queueCapacity} deliveries: for tests. */
    SignupWebhook(Supplier<Optional<URI>> webhookUrl, String appName, String appVersion,
                  boolean allowPrivateAddresses, int queueCapacity) {
        this.webhookUrl = Objects.requireNonNull(webhookUrl, "webhookUrl");
        this.appName = Objects.requireNonNull(appName, "appName");
        this.appVersion = Objects.requireNonNull(appVersion, "appVersion");
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), SignupWebhook::daemonThread);
    }

    private static Thread daemonThread(Runnable task) {
        // A daemon, so that an application that forgets close() can still exit.
        Thread thread = new Thread(task, "gatehouse-signup-webhook");
        thread.setDaemon(true);
        return thread;
    }

    /** Queues the delivery of an account created through a channel that notifies sign-ups; ignores anything else. */
    @Override
    public void publish(AuthEvent event) {
        if (!(event instanceof AuthEvent.AccountCreated)) {
            return;
        }
        AuthEvent.AccountCreated created = (AuthEvent.AccountCreated) event;
        if (!created.channel().notifiesSignup()) {
            return;
        }
        try {
            worker.execute(() -> deliverInBackground(created.user()));
        } catch (RejectedExecutionException fullOrClosed) {
            LOG.warn("sign-up webhook: queue full or closed, notification about user {} dropped", created.user().id());
        }
    }

    private void deliverInBackground(User user) {
        try {
            deliver(user);
        } catch (RuntimeException unexpected) {
            // Only the type: the message of an exception from the URL supplier may hold the URL.
            LOG.warn("sign-up webhook: notification about user {} failed with {}", user.id(),
                    unexpected.getClass().getName());
        }
    }

    /**
     * Posts the notification about a new account now, on the calling thread, and says how it went. Failures are
     * logged and returned, never thrown; only what the URL supplier throws comes through.
     */
    public Outcome deliver(User user) {
        Optional<URI> configured = webhookUrl.get();
        if (configured.isEmpty()) {
            return Outcome.NOT_CONFIGURED;
        }
        URI url = configured.get();
        String target = withoutSecrets(url);
        HttpRequest request;
        try {
            // The builder refuses what is not an http or https URL with a host.
            request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(WebhookPayloads.signup(url, appName, appVersion, user)))
                    .build();
        } catch (IllegalArgumentException unsupported) {
            LOG.warn("sign-up webhook: {} is not a URL a webhook can be posted to", target);
            return Outcome.INVALID_URL;
        }
        if (!allowPrivateAddresses) {
            try {
                if (!PublicAddresses.allPublic(List.of(InetAddress.getAllByName(url.getHost())))) {
                    LOG.warn("sign-up webhook: {} resolves to a private address; not sent", target);
                    return Outcome.REFUSED_ADDRESS;
                }
            } catch (UnknownHostException unknown) {
                LOG.warn("sign-up webhook: host of {} not found", target);
                return Outcome.FAILED;
            }
        }
        return send(request, target);
    }

    private Outcome send(HttpRequest request, String target) {
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return Outcome.DELIVERED;
            }
            LOG.warn("sign-up webhook: {} answered {}", target, status);
        } catch (IOException unreachable) {
            LOG.warn("sign-up webhook: {} could not be reached ({})", target, unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            LOG.warn("sign-up webhook: delivery to {} interrupted", target);
        }
        return Outcome.FAILED;
    }

    /** Scheme, host and port: what a log line may show of a URL whose path or query may be a credential. */
    private static String withoutSecrets(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    /** Stops the background thread once the queued deliveries are done, or after the grace period. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) {
                int dropped = worker.shutdownNow().size();
                LOG.warn("sign-up webhook: closed before {} queued notifications were sent", dropped);
            }
        } catch (InterruptedException interrupted) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
