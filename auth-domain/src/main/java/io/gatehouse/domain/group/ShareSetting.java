package io.gatehouse.domain.group;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who may share resources to a group ({@code data.config.share}, {@code DEFAULT_GROUP_SHARE_PERMISSION}): anyone
 * ({@code true}), nobody ({@code false}) or its members ({@code "members"}).
 */
public enum ShareSetting {
    ANYONE(Boolean.TRUE),
    NOBODY(Boolean.FALSE),
    MEMBERS("members");

    private final Object jsonValue;

    ShareSetting(Object jsonValue) {
        this.jsonValue = jsonValue;
    }

    /** {@code true}, {@code false} or {@code "members"}. */
    public Object jsonValue() {
        return jsonValue;
    }

    /** Reads {@code true}/{@code false}/{@code members} (case-insensitive), as the environment writes them. */
    public static Optional<ShareSetting> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalised = text.strip().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(setting -> String.valueOf(setting.jsonValue).equals(normalised)).findFirst();
    }
}
