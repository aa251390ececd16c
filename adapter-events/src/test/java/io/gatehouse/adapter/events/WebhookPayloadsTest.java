package io.gatehouse.adapter.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.application.fake.TestUsers;
import io.gatehouse.domain.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final User ANN = TestUsers.user("ann@example.org");
    /** Open WebUI's user model without nulls, for {@link #ANN}: what the raw event and the Teams facts carry. */
    private static final String ANN_FIELDS = "{\"id\":\"" + ANN.id() + "\",\"email\":\"ann@example.org\","
            + "\"name\":\"ann\",\"role\":\"user\",\"profile_image_url\":\"/user.png\","
            + "\"created_at\":1767225600,\"updated_at\":1767225600}";

    private static JsonNode payloadFor(String url) throws JsonProcessingException {
        return JSON.readTree(WebhookPayloads.signup(URI.create(url), "Gatehouse", "1.2.3", ANN));
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.slack.com/services/T000/B000/XXXX",
            "https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k&token=t"})
    void slackAndGoogleChatGetText(String url) throws JsonProcessingException {
        assertEquals(json("{\"text\":\"New user signed up: ann\"}"), payloadFor(url));
    }

    @Test
    void discordGetsContent() throws JsonProcessingException {
        assertEquals(json("{\"content\":\"New user signed up: ann\"}"),
                payloadFor("https://discord.com/api/webhooks/123/abc"));
    }

    @Test
    void discordContentIsCutBelowItsLimit() {
        String longest = "x".repeat(WebhookPayloads.DISCORD_LIMIT - 1);
        String tooLong = "y".repeat(WebhookPayloads.DISCORD_LIMIT);

        assertEquals(longest, WebhookPayloads.discordContent(longest));
        String cut = WebhookPayloads.discordContent(tooLong);
        assertEquals("y".repeat(1980) + "... (truncated)", cut);
        assertTrue(cut.length() < WebhookPayloads.DISCORD_LIMIT);
    }

    @Test
    void discordContentCountsCharactersNotUtf16Units() {
        String emoji = "🔑".repeat(WebhookPayloads.DISCORD_LIMIT - 1);  // 1999 characters, 3998 UTF-16 units

        assertEquals(emoji, WebhookPayloads.discordContent(emoji));
        assertEquals("🔑".repeat(1980) + "... (truncated)", WebhookPayloads.discordContent(emoji + "🔑"));
    }

    @Test
    void teamsGetsAMessageCardWithTheUsersFieldsAsFacts() throws JsonProcessingException {
        JsonNode card = payloadFor("https://example.webhook.office.com/webhookb2/abc/IncomingWebhook/def/ghi");

        assertEquals("MessageCard", card.get("@type").asText());
        assertEquals("0076D7", card.get("themeColor").asText());
        assertEquals("New user signed up: ann", card.get("summary").asText());
        JsonNode section = card.get("sections").get(0);
        assertEquals("New user signed up: ann", section.get("activityTitle").asText());
        assertEquals("Gatehouse (1.2.3) - signup", section.get("activitySubtitle").asText());
        List<String> names = new ArrayList<>();
        section.get("facts").forEach(fact -> names.add(fact.get("name").asText()));
        assertEquals(List.of("id", "email", "name", "role", "profile_image_url", "created_at", "updated_at"), names);
        assertEquals(json(ANN_FIELDS).get("created_at"), section.get("facts").get(5).get("value"));
        assertEquals(ANN.id().value(), section.get("facts").get(0).get("value").asText());
    }

    @Test
    void anyOtherUrlGetsTheRawEventWithTheUserAsAJsonString() throws JsonProcessingException {
        JsonNode event = payloadFor("https://example.org/hooks/signup?token=abc");

        assertEquals("signup", event.get("action").asText());
        assertEquals("New user signed up: ann", event.get("message").asText());
        assertTrue(event.get("user").isTextual(), "the user is a string holding JSON, as in Open WebUI");
        assertEquals(json(ANN_FIELDS), json(event.get("user").asText()));
        assertEquals(3, event.size());
    }

    @Test
    void aSlackAddressOverPlainHttpIsNotSlack() throws JsonProcessingException {
        assertEquals("signup", payloadFor("http://hooks.slack.com/services/T000/B000/XXXX").get("action").asText());
    }
}
