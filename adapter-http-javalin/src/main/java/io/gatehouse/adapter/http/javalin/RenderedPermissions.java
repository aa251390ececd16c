package io.gatehouse.adapter.http.javalin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.domain.permission.PermissionTree;

import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Permission trees as JSON, the last one remembered. Every {@code GET /api/v1/auths/} answers with the caller's
 * permissions, some seventy values; for an account in no group they are the default permissions, the very same
 * (immutable) tree each time, so its JSON is made once. A tree is recognised by identity, not by equality: comparing
 * two trees costs as much as writing one.
 */
final class RenderedPermissions {

    private final Supplier<ObjectMapper> mapper;
    private volatile Rendered last;

    /** @param mapper asked at the first tree written, so that the mapper may still be in the making meanwhile */
    RenderedPermissions(Supplier<ObjectMapper> mapper) {
        this.mapper = mapper;
    }

    String of(PermissionTree tree) {
        Rendered seen = last;
        if (seen != null && seen.tree == tree) {
            return seen.json;
        }
        try {
            String json = mapper.get().writeValueAsString(tree.toMap());
            last = new Rendered(tree, json);
            return json;
        } catch (JsonProcessingException impossible) {
            // a tree holds maps of names to booleans and trees, which always have a JSON form
            throw new UncheckedIOException(impossible);
        }
    }

    private record Rendered(PermissionTree tree, String json) {
    }
}
