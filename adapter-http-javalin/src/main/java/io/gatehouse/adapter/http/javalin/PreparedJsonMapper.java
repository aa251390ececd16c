package io.gatehouse.adapter.http.javalin;

import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.stream.Stream;

/**
 * Javalin's Jackson mapper over {@link Json}'s shared one, made at the first request: the server can be configured
 * and started while another thread builds the mapper ({@link GatehouseHttpApi#prepare()}).
 */
final class PreparedJsonMapper implements JsonMapper {

    private final Json json;
    private volatile JavalinJackson jackson;

    PreparedJsonMapper(Json json) {
        this.json = json;
    }

    private JavalinJackson jackson() {
        JavalinJackson made = jackson;
        if (made == null) {
            synchronized (this) {
                made = jackson;
                if (made == null) {
                    made = new JavalinJackson(json.mapper(), false);
                    jackson = made;
                }
            }
        }
        return made;
    }

    @Override
    public String toJsonString(Object value, Type type) {
        return jackson().toJsonString(value, type);
    }

    @Override
    public InputStream toJsonStream(Object value, Type type) {
        return jackson().toJsonStream(value, type);
    }

    @Override
    public void writeToOutputStream(Stream<?> stream, OutputStream out) {
        jackson().writeToOutputStream(stream, out);
    }

    @Override
    public <T> T fromJsonString(String json, Type type) {
        return jackson().fromJsonString(json, type);
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type type) {
        return jackson().fromJsonStream(json, type);
    }
}
