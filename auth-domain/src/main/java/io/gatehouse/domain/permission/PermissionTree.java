package io.gatehouse.domain.permission;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tree of named switches, such as {@code chat.file_upload} or {@code features.api_keys}. Inner nodes are trees,
 * leaves are booleans. Immutable.
 *
 * <p>Groups can only grant: merging two trees ORs their leaves, so the most permissive value wins and a group cannot
 * take away what the defaults give (Open WebUI's {@code get_permissions}).
 */
public final class PermissionTree {

    private static final PermissionTree EMPTY = new PermissionTree(Map.of());

    /** Each value is a {@link Boolean} or a {@link PermissionTree}. */
    private final Map<String, Object> nodes;

    private PermissionTree(Map<String, Object> nodes) {
        this.nodes = Collections.unmodifiableMap(nodes);
    }

    public static PermissionTree empty() {
        return EMPTY;
    }

    /**
     * A tree from nested maps whose leaves are booleans, as JSON gives them.
     *
     * @throws IllegalArgumentException when a key is blank or contains a dot, or a leaf is not a boolean
     */
    public static PermissionTree of(Map<String, ?> raw) {
        Map<String, Object> nodes = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            if (key == null || key.isBlank() || key.contains(".")) {
                throw new IllegalArgumentException("permission names are not blank and contain no dot: " + key);
            }
            if (value instanceof Boolean) {
                nodes.put(key, value);
            } else if (value instanceof Map) {
                @SuppressWarnings("unchecked")
                Map<String, ?> child = (Map<String, ?>) value;
                nodes.put(key, of(child));
            } else if (value instanceof PermissionTree) {
                nodes.put(key, value);
            } else {
                throw new IllegalArgumentException("permission '" + key + "' is neither true/false nor a group of permissions");
            }
        });
        return nodes.isEmpty() ? EMPTY : new PermissionTree(nodes);
    }

    /** The defaults merged with every group's tree: what a member may do. */
    public static PermissionTree effective(PermissionTree defaults, Collection<PermissionTree> groupTrees) {
        PermissionTree result = defaults;
        for (PermissionTree groupTree : groupTrees) {
            result = result.mergedWith(groupTree);
        }
        return result;
    }

    /**
     * This tree with {@code other}'s grants added: leaves are ORed, subtrees merged, keys of both kept. Where one tree
     * has a leaf and the other a subtree under the same name, this tree's shape is kept.
     */
    public PermissionTree mergedWith(PermissionTree other) {
        if (other.nodes.isEmpty()) {
            return this;
        }
        Map<String, Object> merged = new LinkedHashMap<>(nodes);
        other.nodes.forEach((key, theirs) -> merged.merge(key, theirs, PermissionTree::mergeNodes));
        return new PermissionTree(merged);
    }

    private static Object mergeNodes(Object ours, Object theirs) {
        if (ours instanceof Boolean && theirs instanceof Boolean) {
            return (Boolean) ours || (Boolean) theirs;
        }
        if (ours instanceof PermissionTree && theirs instanceof PermissionTree) {
            return ((PermissionTree) ours).mergedWith((PermissionTree) theirs);
        }
        return ours;
    }

    /** This tree with every switch it lacks taken from {@code defaults}. */
    public PermissionTree filledFrom(PermissionTree defaults) {
        Map<String, Object> filled = new LinkedHashMap<>(nodes);
        defaults.nodes.forEach((key, fallback) -> {
            Object ours = filled.get(key);
            if (ours == null) {
                filled.put(key, fallback);
            } else if (ours instanceof PermissionTree && fallback instanceof PermissionTree) {
                filled.put(key, ((PermissionTree) ours).filledFrom((PermissionTree) fallback));
            }
        });
        return new PermissionTree(filled);
    }

    /** Whether the switch at a dotted path such as {@code features.api_keys} is on. Unknown paths are off. */
    public boolean isGranted(String dottedPath) {
        Object node = this;
        for (String part : dottedPath.split("\\.", -1)) {
            if (!(node instanceof PermissionTree)) {
                return false;
            }
            node = ((PermissionTree) node).nodes.get(part);
        }
        return Boolean.TRUE.equals(node);
    }

    /** Nested maps with boolean leaves, in insertion order: the JSON shape. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        nodes.forEach((key, value) -> map.put(key, value instanceof PermissionTree ? ((PermissionTree) value).toMap() : value));
        return map;
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PermissionTree && ((PermissionTree) other).nodes.equals(nodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodes);
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
