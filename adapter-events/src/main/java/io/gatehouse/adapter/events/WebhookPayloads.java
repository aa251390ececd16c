package io.gatehouse.adapter.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.domain.user.User;

import java.net.URI;

/**
 * The body of Open WebUI's sign-up webhook (§10.1), shaped by the URL as Open WebUI shapes it: Slack and Google Chat
 * get {@code text}, Discord {@code content}, Teams a {@code MessageCard}, anything else the raw event.
 */
final class WebhookPayloads {

    /** Discord refuses content of 2000 characters or more. */
    static final int DISCORD_LIMIT = 2000;
    private static final int DISCORD_CUT = DISCORD_LIMIT - 20;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private WebhookPayloads() {
    }

    /** The JSON to post to {@code url} about a new account. */
    static String signup(URI url, String appName, String appVersion, User user) {
        String message = "New user signed up: " + user.name();
        // Open WebUI matches anywhere in the URL, not on the host; the shape is all that depends on it.
        String address = url.toString();
        ObjectNode payload;
        if (address.contains("https://hooks.slack.com") || address.contains("https://chat.googleapis.com")) {
            payload = JSON.objectNode().put("text", message);
        } else if (address.contains("https://discord.com/api/webhooks")) {
            payload = JSON.objectNode().put("content", discordContent(message));
        } else if (address.contains("webhook.office.com")) {
            payload = teamsCard(message, appName + " (" + appVersion + ") - signup", userFields(user));
        } else {
            payload = JSON.objectNode().put("action", "signup").put("message", message)
                    .put("user", userFields(user).toString());
        }
        // JsonNode.toString() writes valid JSON, without the checked exceptions of an ObjectMapper.
        return payload.toString();
    }

    /** The message, or its first 1980 characters marked as cut when Discord would refuse it whole. */
    static String discordContent(String message) {
        if (message.codePointCount(0, message.length()) < DISCORD_LIMIT) {
            return message;
        }
        return message.substring(0, message.offsetByCodePoints(0, DISCORD_CUT)) + "... (truncated)";
    }

    /** The user as Open WebUI's user model would show it, times in epoch seconds. */
    private static ObjectNode userFields(User user) {
        return JSON.objectNode()
                .put("id", user.id().value())
                .put("email", user.email().value())
                .put("name", user.name())
                .put("role", user.role().wireName())
                .put("profile_image_url", user.profile().profileImageUrl())
                .put("created_at", user.createdAt().getEpochSecond())
                .put("updated_at", user.updatedAt().getEpochSecond());
    }

    private static ObjectNode teamsCard(String message, String subtitle, ObjectNode user) {
        ObjectNode card = JSON.objectNode()
                .put("@type", "MessageCard")
                .put("@context", "http://schema.org/extensions")
                .put("themeColor", "0076D7")
                .put("summary", message);
        ArrayNode facts = JSON.arrayNode();
        user.properties().forEach(field ->
                facts.addObject().put("name", field.getKey()).set("value", field.getValue()));
        card.putArray("sections").addObject()
                .put("activityTitle", message)
                .put("activitySubtitle", subtitle)
                .put("markdown", true)
                .set("facts", facts);
        return card;
    }
}
