package io.gatehouse.domain.permission;

import java.util.LinkedHashMap;
import java.util.Map;

/** Open WebUI's built-in default permissions ({@code USER_PERMISSIONS}, §3.6), before any configuration. */
public final class DefaultPermissions {

    private DefaultPermissions() {
    }

    public static PermissionTree openWebUi() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("workspace", all(false, "models", "knowledge", "prompts", "tools", "skills", "models_import",
                "models_export", "prompts_import", "prompts_export", "tools_import", "tools_export", "skills_import",
                "skills_export"));
        tree.put("sharing", all(false, "models", "public_models", "knowledge", "public_knowledge", "prompts",
                "public_prompts", "tools", "public_tools", "skills", "public_skills", "notes", "public_notes",
                "folders", "public_chats", "public_calendars"));
        tree.put("access_grants", all(true, "allow_users"));
        Map<String, Object> chat = all(true, "controls", "valves", "system_prompt", "params", "file_upload",
                "web_upload", "delete", "delete_message", "continue_response", "regenerate_response",
                "rate_response", "edit", "share", "export", "import", "stt", "tts", "call", "multiple_models",
                "temporary");
        chat.put("temporary_enforced", false);
        tree.put("chat", chat);
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("api_keys", false);
        features.put("notes", true);
        features.put("folders", true);
        features.put("channels", true);
        features.put("direct_tool_servers", false);
        features.put("web_search", true);
        features.put("image_generation", true);
        features.put("code_interpreter", true);
        features.put("memories", true);
        features.put("automations", false);
        features.put("calendar", true);
        features.put("webhooks", false);
        tree.put("features", features);
        tree.put("settings", all(true, "interface"));
        return PermissionTree.of(tree);
    }

    private static Map<String, Object> all(boolean value, String... names) {
        Map<String, Object> section = new LinkedHashMap<>();
        for (String name : names) {
            section.put(name, value);
        }
        return section;
    }
}
