package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.SettingsRepository;
import io.gatehouse.domain.settings.AuthSettings;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Keeps, per setting, the values saved that differ from the defaults of that save. */
public final class InMemorySettingsRepository implements SettingsRepository {

    private static final RecordComponent[] SETTINGS = AuthSettings.class.getRecordComponents();

    private final Map<String, Object> stored = new LinkedHashMap<>();

    @Override
    public synchronized AuthSettings load(AuthSettings defaults) {
        Object[] values = new Object[SETTINGS.length];
        Class<?>[] types = new Class<?>[SETTINGS.length];
        for (int i = 0; i < SETTINGS.length; i++) {
            types[i] = SETTINGS[i].getType();
            values[i] = stored.containsKey(SETTINGS[i].getName()) ? stored.get(SETTINGS[i].getName())
                    : read(SETTINGS[i], defaults);
        }
        try {
            return AuthSettings.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public synchronized void save(AuthSettings settings, AuthSettings defaults) {
        stored.clear();
        for (RecordComponent setting : SETTINGS) {
            Object value = read(setting, settings);
            if (!Objects.equals(value, read(setting, defaults))) {
                stored.put(setting.getName(), value);
            }
        }
    }

    private static Object read(RecordComponent setting, AuthSettings settings) {
        try {
            return setting.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
