package dev.herald.app.config;

import dev.herald.core.HeraldException;
import dev.herald.core.util.DurationText;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Herald's configuration: a YAML file of sections ({@code shop:}, {@code writer:}) and keys, each of which an
 * environment variable can override: {@code writer.api_key} is {@code HERALD_WRITER_API_KEY}. Only known keys are
 * accepted, so a misspelt key is an error that names it rather than a setting silently ignored.
 */
public final class ConfigFile {

    /** Every key Herald reads, as {@code section.key}. */
    public static final Set<String> KEYS = Set.of(
            "shop.name", "shop.url", "shop.link_domains", "shop.image_hosts",
            "writer.provider", "writer.api_key", "writer.base_url", "writer.model", "writer.timeout",
            "writer.max_attempts", "writer.concurrency", "writer.structured_output", "writer.sms_segments",
            "writer.cache_ttl", "writer.cache_size", "writer.failure_ttl", "writer.generation_timeout",
            "writer.price_input", "writer.price_output",
            "server.host", "server.port", "server.public_url", "server.write_keys", "server.admin_key",
            "server.tracking_secret", "server.data_dir", "server.clock", "server.phone_region",
            "server.click_window", "server.view_window",
            "database.url", "database.user", "database.password", "database.pool_size",
            "engine.policy", "engine.triggers", "engine.experiments", "engine.time_zone", "engine.lateness",
            "email.host", "email.port", "email.security", "email.username", "email.password", "email.from",
            "email.from_name", "email.dkim_domain", "email.dkim_selector", "email.dkim_key",
            "sms.account_sid", "sms.auth_token", "sms.from", "sms.messaging_service_sid", "sms.base_url",
            "push.project_id", "push.service_account", "push.base_url", "push.token_url",
            "webhook.url", "webhook.secret");

    private final String source;
    private final Map<String, Object> values;

    private ConfigFile(String source, Map<String, Object> values) {
        this.source = source;
        this.values = values;
    }

    /** The configuration from the file, if any, with the environment's overrides. */
    public static ConfigFile load(Optional<Path> file, Map<String, String> environment) {
        Map<String, Object> values = new LinkedHashMap<>();
        String source = "defaults";
        if (file.isPresent()) {
            source = file.get().toString();
            values.putAll(read(file.get()));
        }
        for (String key : KEYS) {
            String variable = environmentName(key);
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                values.put(key, value.strip());
            }
        }
        return new ConfigFile(source, values);
    }

    /** The environment variable that overrides a key. */
    public static String environmentName(String key) {
        return "HERALD_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    public Optional<String> string(String key) {
        Object value = values.get(known(key));
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw bad(key, "must be a single value, got " + value);
        }
        String text = value.toString().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public Optional<Duration> duration(String key) {
        return string(key).map(text -> {
            try {
                return DurationText.parse(text);
            } catch (IllegalArgumentException e) {
                throw bad(key, "\"" + text + "\" is not a duration; write 90s, 30m, 1h or 7d");
            }
        });
    }

    public Optional<Integer> integer(String key) {
        return string(key).map(text -> {
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                throw bad(key, "\"" + text + "\" is not a whole number");
            }
        });
    }

    public Optional<Double> number(String key) {
        return string(key).map(text -> {
            try {
                return Double.valueOf(text);
            } catch (NumberFormatException e) {
                throw bad(key, "\"" + text + "\" is not a number");
            }
        });
    }

    public Optional<Boolean> bool(String key) {
        return string(key).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw bad(key, "\"" + text + "\" is not true or false");
        });
    }

    /** A list: a YAML sequence, or (from the environment) a comma-separated value. */
    public List<String> list(String key) {
        Object value = values.get(known(key));
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> items) {
            for (Object item : items) {
                out.add(String.valueOf(item).strip());
            }
        } else if (value != null) {
            for (String part : value.toString().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** An error about a key's value, naming the file and the key. */
    public HeraldException bad(String key, String message) {
        return new HeraldException(source + ": " + key + " (or " + environmentName(key) + "): " + message);
    }

    private static String known(String key) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("not a configuration key: " + key);
        }
        return key;
    }

    private static Map<String, Object> read(Path file) {
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromReader(reader);
        } catch (IOException e) {
            throw new HeraldException("cannot read the configuration file " + file + ": " + e.getMessage(), e);
        } catch (YamlEngineException e) {
            throw new HeraldException("the configuration file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (root == null) {
            return values;
        }
        if (!(root instanceof Map<?, ?> sections)) {
            throw new HeraldException(file + ": the configuration must be a mapping of sections (shop:, writer:,"
                    + " server:, ...)");
        }
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<?, ?> section : sections.entrySet()) {
            if (!(section.getValue() instanceof Map<?, ?> keys)) {
                unknown.add(String.valueOf(section.getKey()));
                continue;
            }
            for (Map.Entry<?, ?> entry : keys.entrySet()) {
                String key = section.getKey() + "." + entry.getKey();
                if (KEYS.contains(key)) {
                    values.put(key, entry.getValue());
                } else {
                    unknown.add(key);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new HeraldException(file + ": unknown configuration keys " + unknown + "; the keys are "
                    + new TreeSet<>(KEYS));
        }
        return values;
    }
}
