package dev.assay.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code assay profile ...}: named base URLs and keys in the configuration file. Keys are never printed whole. */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Named profiles (a base URL and an API key) in <config dir>/config.json, mode 0600.")
final class ProfileCommand {
    private final Context context;

    ProfileCommand(Context context) {
        this.context = context;
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Create or change a profile. The key is read from standard input (--key-stdin) or asked for without echo.")
    int set(@Parameters(paramLabel = "<name>") String name,
            @Option(names = "--url", paramLabel = "<url>", description = "The profile's base URL.") @Nullable String url,
            @Option(names = "--key-stdin", description = "Read the API key from the first line of standard input.") boolean keyStdin,
            @Option(names = "--ask-key", description = "Ask for the API key on the terminal, without echo.") boolean askKey,
            @Option(names = "--use", description = "Also make it the current profile.") boolean use) {
        Config config = context.config();
        Config.Profile existing = config.profile(name);
        String key = existing == null ? null : existing.apiKey();
        if (keyStdin) {
            key = readKeyLine();
        } else if (askKey) {
            Console console = System.console();
            if (console == null) {
                throw CliException.usage("--ask-key needs a terminal; use --key-stdin");
            }
            char[] typed = console.readPassword("API key for profile %s: ", name);
            key = typed == null ? null : new String(typed).strip();
        }
        String baseUrl = url != null ? url : existing == null ? null : existing.baseUrl();
        config.put(name, new Config.Profile(baseUrl, key));
        if (use) {
            config.use(name);
        }
        config.save(context.json());
        context.err.println("Saved profile " + name + " in " + config.file());
        return ExitCode.OK;
    }

    @Command(name = "use", mixinStandardHelpOptions = true, description = "Make a profile the current one.")
    int use(@Parameters(paramLabel = "<name>") String name) {
        Config config = context.config();
        if (config.profile(name) == null) {
            throw CliException.usage("No profile named '" + name + "' in " + config.file());
        }
        config.use(name);
        config.save(context.json());
        return ExitCode.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the profiles, keys masked.")
    int list() {
        Config config = context.config();
        ArrayNode rows = context.json().createArrayNode();
        for (Map.Entry<String, Config.Profile> entry : config.profiles().entrySet()) {
            ObjectNode row = rows.addObject();
            row.put("name", entry.getKey());
            row.put("current", entry.getKey().equals(config.currentProfileName()));
            row.put("baseUrl", entry.getValue().baseUrl());
            row.put("apiKey", Config.mask(entry.getValue().apiKey()));
        }
        context.output().value(rows, List.of("name", "current", "baseUrl", "apiKey"));
        return ExitCode.OK;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a profile.")
    int delete(@Parameters(paramLabel = "<name>") String name) {
        Config config = context.config();
        if (!config.remove(name)) {
            throw CliException.usage("No profile named '" + name + "' in " + config.file());
        }
        config.save(context.json());
        return ExitCode.OK;
    }

    private String readKeyLine() {
        try {
            String line = new BufferedReader(new InputStreamReader(context.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) {
                throw CliException.usage("--key-stdin read no key");
            }
            return line.strip();
        } catch (IOException e) {
            throw CliException.usage("Cannot read the key from standard input: " + e.getMessage());
        }
    }
}
