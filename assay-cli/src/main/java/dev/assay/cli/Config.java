package dev.assay.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The named profiles in {@code <config dir>/config.json}: a base URL and an API key each, and the
 * profile used when none is named. The file is written with mode 0600 where the file system has
 * POSIX permissions.
 */
final class Config {
    static final String DEFAULT_PROFILE = "default";

    /** One profile; either field may be unset. */
    record Profile(@Nullable String baseUrl, @Nullable String apiKey) {}

    private final Path file;
    private @Nullable String currentProfile;
    private final Map<String, Profile> profiles;

    private Config(Path file, @Nullable String currentProfile, Map<String, Profile> profiles) {
        this.file = file;
        this.currentProfile = currentProfile;
        this.profiles = profiles;
    }

    /**
     * The configuration directory: {@code ASSAY_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/assay},
     * else the platform's user configuration directory ({@code ~/.config/assay} on Linux,
     * {@code ~/Library/Application Support/assay} on macOS, {@code %APPDATA%\assay} on Windows).
     */
    static Path directory(Map<String, String> env) {
        String explicit = env.get("ASSAY_CONFIG_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "assay");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win") && env.get("APPDATA") != null) {
            return Path.of(env.get("APPDATA"), "assay");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "assay");
        }
        return Path.of(home, ".config", "assay");
    }

    static Config load(Map<String, String> env, JsonMapper json) {
        Path file = directory(env).resolve("config.json");
        Map<String, Profile> profiles = new TreeMap<>();
        if (!Files.exists(file)) {
            return new Config(file, null, profiles);
        }
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file));
        } catch (IOException e) {
            throw CliException.usage("Cannot read " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw CliException.usage(file + " is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode entries = root.path("profiles");
        for (Map.Entry<String, JsonNode> entry : entries.properties()) {
            JsonNode value = entry.getValue();
            profiles.put(entry.getKey(), new Profile(text(value.get("baseUrl")), text(value.get("apiKey"))));
        }
        return new Config(file, text(root.get("currentProfile")), profiles);
    }

    Path file() {
        return file;
    }

    /** The profile used when none is named: the one chosen with {@code profile use}, else {@code default}. */
    String currentProfileName() {
        return currentProfile == null ? DEFAULT_PROFILE : currentProfile;
    }

    @Nullable
    Profile profile(String name) {
        return profiles.get(name);
    }

    Map<String, Profile> profiles() {
        return Map.copyOf(profiles);
    }

    void put(String name, Profile profile) {
        profiles.put(name, profile);
    }

    boolean remove(String name) {
        boolean removed = profiles.remove(name) != null;
        if (removed && name.equals(currentProfile)) {
            currentProfile = null;
        }
        return removed;
    }

    void use(String name) {
        currentProfile = name;
    }

    /** Writes the file atomically, readable by its owner only. */
    void save(JsonMapper json) {
        ObjectNode root = json.createObjectNode();
        if (currentProfile != null) {
            root.put("currentProfile", currentProfile);
        }
        ObjectNode entries = root.putObject("profiles");
        profiles.forEach((name, profile) -> {
            ObjectNode entry = entries.putObject(name);
            if (profile.baseUrl() != null) {
                entry.put("baseUrl", profile.baseUrl());
            }
            if (profile.apiKey() != null) {
                entry.put("apiKey", profile.apiKey());
            }
        });
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("config.json.tmp");
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temporary, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The key as {@code profile list} shows it: its prefix and last four characters. */
    static String mask(@Nullable String key) {
        if (key == null) {
            return "";
        }
        if (key.length() <= 8) {
            return "****";
        }
        return key.substring(0, 4) + "…" + key.substring(key.length() - 4);
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
