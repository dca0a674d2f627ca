package org.rollcall.common.db;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Turns the DB_* variables (environment, .env or -D) into the datasource settings. Its ordinal
 * is below application.properties, so an explicit quarkus.datasource.* setting still wins.
 */
public class DatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        DatabaseSelection selection = DatabaseSelection.from(name -> {
            ConfigValue value = context.getValue(name);
            return value == null ? null : value.getValue();
        });
        Map<String, String> properties = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", selection.jdbcUrl(),
                "quarkus.datasource.username", selection.username(),
                "quarkus.datasource.password", selection.password(),
                "rollcall.database.kind", selection.kind().name(),
                "rollcall.database.description", selection.description()));
        // beside the URL rather than in it, so they never appear where the URL is logged
        selection.driverProperties().forEach((name, value) ->
                properties.put("quarkus.datasource.jdbc.additional-jdbc-properties." + name, value));
        return List.of(new PropertiesConfigSource(properties, "rollcall-database-selection", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
