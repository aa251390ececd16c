package io.gatehouse.adapter.http.javalin;

import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.stream.Stream;

/**
 * Javalin's Jackson mapper over {@link Json}'s shared one, made at the first request (class initialisation): the
 * server can be configured and started while another thread builds the mapper ({@link GatehouseHttpApi#prepare()}).
 */
final class PreparedJsonMapper implements JsonMapper {

    private static final class Shared {
        static final JavalinJackson JACKSON = new JavalinJackson(Json.mapper(), false);
    }

    @Override
    public String toJsonString(Object value, Type type) {
        return Shared.JACKSON.toJsonString(value, type);
    }

    @Override
    public InputStream toJsonStream(Object value, Type type) {
        return Shared.JACKSON.toJsonStream(value, type);
    }

    @Override
    public void writeToOutputStream(Stream<?> stream, OutputStream out) {
        Shared.JACKSON.writeToOutputStream(stream, out);
    }

    @Override
    public <T> T fromJsonString(String json, Type type) {
        return Shared.JACKSON.fromJsonString(json, type);
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type type) {
        return Shared.JACKSON.fromJsonStream(json, type);
    }
}
