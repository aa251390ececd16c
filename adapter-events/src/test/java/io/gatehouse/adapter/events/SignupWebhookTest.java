package io.gatehouse.adapter.events;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.application.fake.TestUsers;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignupWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final User ANN = TestUsers.user("ann@example.org");

    /** A webhook receiver on the loopback interface. */
    private HttpServer server;
    /** The bodies posted to {@code /hook}, in order. */
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final AtomicInteger otherRequests = new AtomicInteger();
    private final AtomicInteger status = new AtomicInteger(204);
    /** Holds the receiver's answer back while closed; open unless a test closes it. */
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
    private final List<SignupWebhook> webhooks = new ArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", this::receive);
        server.createContext("/elsewhere", exchange -> {
            otherRequests.incrementAndGet();
            respond(exchange, 204);
        });
        server.start();
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean json = "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
        received.add(exchange.getRequestMethod() + (json ? " json " : " other ") + body);
        try {
            gate.get().await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (status.get() == 302) {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
        }
        respond(exchange, status.get());
    }

    private static void respond(HttpExchange exchange, int code) throws IOException {
        exchange.sendResponseHeaders(code, -1);
        exchange.close();
    }

    @AfterEach
    void stop() {
        gate.get().countDown();
        webhooks.forEach(SignupWebhook::close);
        server.stop(0);
    }

    private URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    private SignupWebhook webhook(Optional<URI> url, boolean allowPrivateAddresses) {
        return webhook(() -> url, allowPrivateAddresses, 100);
    }

    private SignupWebhook webhook(java.util.function.Supplier<Optional<URI>> url, boolean allowPrivateAddresses,
                                  int queueCapacity) {
        SignupWebhook webhook = new SignupWebhook(url, "Gatehouse", "1.2.3", allowPrivateAddresses, queueCapacity);
        webhooks.add(webhook);
        return webhook;
    }

    private static String idOf(String received) throws JsonProcessingException {
        JsonNode event = JSON.readTree(received.substring(received.indexOf('{')));
        return JSON.readTree(event.get("user").asText()).get("id").asText();
    }

    @Test
    void theEventIsPostedAsJsonToAPrivateAddressWhenThoseAreAllowed() throws JsonProcessingException {
        SignupWebhook webhook = webhook(Optional.of(url("/hook")), true);

        assertEquals(SignupWebhook.Outcome.DELIVERED, webhook.deliver(ANN));

        String request = received.poll();
        assertNotNull(request);
        assertTrue(request.startsWith("POST json {"), request);
        JsonNode event = JSON.readTree(request.substring("POST json ".length()));
        assertEquals("signup", event.get("action").asText());
        assertEquals("New user signed up: ann", event.get("message").asText());
        assertEquals(ANN.id().value(), idOf(request));
    }

    @Test
    void aPrivateAddressIsRefusedUnlessAllowedAndNothingIsSent() {
        try (CapturedLogs logs = CapturedLogs.of(SignupWebhook.class)) {
            SignupWebhook webhook = webhook(Optional.of(url("/hook?token=s3cr3t")), false);

            assertEquals(SignupWebhook.Outcome.REFUSED_ADDRESS, webhook.deliver(ANN));

            assertTrue(received.isEmpty());
            String warning = logs.messagesAt(Level.WARN).get(0);
            assertTrue(warning.contains("http://127.0.0.1:" + server.getAddress().getPort()), warning);
            assertFalse(warning.contains("s3cr3t") || warning.contains("/hook"), warning);
        }
    }

    @Test
    void aServerErrorIsAFailureLoggedWithoutThePathOrQuery() {
        status.set(500);
        try (CapturedLogs logs = CapturedLogs.of(SignupWebhook.class)) {
            SignupWebhook webhook = webhook(Optional.of(url("/hook/T000/s3cr3t-path?token=s3cr3t-query")), true);

            assertEquals(SignupWebhook.Outcome.FAILED, webhook.deliver(ANN));

            assertEquals(1, received.size());
            String warning = logs.messagesAt(Level.WARN).get(0);
            assertTrue(warning.contains("answered 500"), warning);
            assertFalse(warning.contains("s3cr3t"), warning);
        }
    }

    @Test
    void aRedirectIsNotFollowed() {
        status.set(302);
        SignupWebhook webhook = webhook(Optional.of(url("/hook")), true);

        assertEquals(SignupWebhook.Outcome.FAILED, webhook.deliver(ANN));

        assertEquals(1, received.size());
        assertEquals(0, otherRequests.get());
    }

    @Test
    void withoutAUrlThereIsNothingToDo() {
        assertEquals(SignupWebhook.Outcome.NOT_CONFIGURED, webhook(Optional.empty(), false).deliver(ANN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/hook", "file:///etc/passwd", "mailto:ops@example.org", "/relative/hook",
            "http:///no-host"})
    void aUrlThatIsNotHttpWithAHostIsInvalid(String url) {
        assertEquals(SignupWebhook.Outcome.INVALID_URL, webhook(Optional.of(URI.create(url)), true).deliver(ANN));
    }

    @Test
    void aHostThatDoesNotResolveIsAFailure() {
        SignupWebhook webhook = webhook(Optional.of(URI.create("https://no-such-host.invalid/hook")), false);

        assertEquals(SignupWebhook.Outcome.FAILED, webhook.deliver(ANN));
    }

    @Test
    void theUrlIsReadAtEachDelivery() {
        AtomicReference<Optional<URI>> configured = new AtomicReference<>(Optional.empty());
        SignupWebhook webhook = webhook(configured::get, true, 100);

        assertEquals(SignupWebhook.Outcome.NOT_CONFIGURED, webhook.deliver(ANN));
        configured.set(Optional.of(url("/hook")));
        assertEquals(SignupWebhook.Outcome.DELIVERED, webhook.deliver(ANN));
    }

    @Test
    void publishDeliversSignUpsInTheBackgroundAndIgnoresAccountsMadeByAdminsOrAtStartUp() throws Exception {
        User admin = TestUsers.user("admin-made@example.org");
        User bootstrap = TestUsers.user("bootstrap@example.org");
        User signup = TestUsers.user("signup@example.org");
        User noAuth = TestUsers.user("single-user@example.org");
        SignupWebhook webhook = webhook(Optional.of(url("/hook")), true);

        webhook.publish(new AuthEvent.AccountCreated(admin, AuthEvent.Channel.ADMIN));
        webhook.publish(new AuthEvent.AccountCreated(bootstrap, AuthEvent.Channel.BOOTSTRAP));
        webhook.publish(new AuthEvent.SignedIn(signup.id(), ClientAddress.LOCAL));
        webhook.publish(new AuthEvent.AccountCreated(signup, AuthEvent.Channel.SIGNUP));
        webhook.publish(new AuthEvent.AccountCreated(noAuth, AuthEvent.Channel.NO_AUTH));
        webhook.close();  // waits for the queue to drain

        List<String> ids = new ArrayList<>();
        for (String request : received) {
            ids.add(idOf(request));
        }
        assertEquals(List.of(signup.id().value(), noAuth.id().value()), ids);
    }

    @Test
    void aFullQueueDropsTheNotificationWithAWarningInsteadOfBlocking() throws Exception {
        gate.set(new CountDownLatch(1));
        User first = TestUsers.user("first@example.org");
        User queued = TestUsers.user("queued@example.org");
        User dropped = TestUsers.user("dropped@example.org");
        SignupWebhook webhook = webhook(() -> Optional.of(url("/hook")), true, 1);

        try (CapturedLogs logs = CapturedLogs.of(SignupWebhook.class)) {
            webhook.publish(new AuthEvent.AccountCreated(first, AuthEvent.Channel.SIGNUP));
            String inFlight = received.poll(10, TimeUnit.SECONDS);   // the thread is busy with the first one
            webhook.publish(new AuthEvent.AccountCreated(queued, AuthEvent.Channel.SIGNUP));
            webhook.publish(new AuthEvent.AccountCreated(dropped, AuthEvent.Channel.SIGNUP));

            assertNotNull(inFlight);
            assertEquals(first.id().value(), idOf(inFlight));
            String warning = logs.messagesAt(Level.WARN).get(0);
            assertTrue(warning.contains("dropped") && warning.contains(dropped.id().value()), warning);
        }
        gate.get().countDown();
        webhook.close();

        assertEquals(1, received.size());
        assertEquals(queued.id().value(), idOf(received.poll()));
    }
}
