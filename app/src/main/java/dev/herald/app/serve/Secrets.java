package dev.herald.app.serve;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The keys a server needs when the configuration gives none: a write key, an admin key and the tracking secret,
 * made once at random and kept in {@code secrets.properties} in the data folder (readable by the owner only), so
 * that a restarted server keeps them and links it sent stay valid.
 */
record Secrets(String writeKey, String adminKey, String trackingSecret) {

    static final String FILE = "secrets.properties";

    static Secrets loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                return new Secrets(properties.getProperty("write_key"), properties.getProperty("admin_key"),
                        properties.getProperty("tracking_secret"));
            }
            Files.createDirectories(dataDir);
            Secrets made = new Secrets("wk_" + random(16), "ak_" + random(24), random(32));
            Properties properties = new Properties();
            properties.setProperty("write_key", made.writeKey());
            properties.setProperty("admin_key", made.adminKey());
            properties.setProperty("tracking_secret", made.trackingSecret());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "Herald's keys, made at first start; set server.write_keys, "
                        + "server.admin_key and server.tracking_secret to use your own");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the file keeps the folder's permissions.
            }
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
