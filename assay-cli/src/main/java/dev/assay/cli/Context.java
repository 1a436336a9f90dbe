package dev.assay.cli;

import dev.assay.client.AssayClient;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one run of {@code assay} works with: its streams, its environment, whether it writes to a
 * terminal, the global options, and the client built from them on first use.
 */
final class Context implements AutoCloseable {
    static final String DEFAULT_BASE_URL = "http://localhost:8080";

    final PrintWriter out;
    final PrintWriter err;
    final InputStream in;
    final Map<String, String> env;
    private final BooleanSupplier terminalProbe;
    private @Nullable Boolean terminal;
    final GlobalOptions global = new GlobalOptions();
    private @Nullable JsonMapper json;

    private @Nullable Config config;
    private @Nullable AssayClient client;

    Context(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, BooleanSupplier terminal) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.terminalProbe = terminal;
    }

    /** Standard output is a terminal: tables and a progress bar. Probed on first use, which costs start-up time. */
    boolean terminal() {
        if (terminal == null) {
            terminal = terminalProbe.getAsBoolean();
        }
        return terminal;
    }

    /** Strict: an unknown field in {@code --data} is a usage error rather than silently dropped. Built on first use. */
    JsonMapper json() {
        if (json == null) {
            json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        }
        return json;
    }

    Config config() {
        if (config == null) {
            config = Config.load(env, json());
        }
        return config;
    }

    /** The client for the resolved base URL and key; no key anywhere is exit code 4. */
    AssayClient client() {
        if (client == null) {
            Config.Profile profile = profile();
            String baseUrl = firstSet(global.baseUrl, env.get("ASSAY_BASE_URL"), profile == null ? null : profile.baseUrl());
            String apiKey = firstSet(global.apiKey, env.get("ASSAY_API_KEY"), profile == null ? null : profile.apiKey());
            if (apiKey == null) {
                throw new CliException(ExitCode.AUTH,
                        "No API key: pass --api-key, set ASSAY_API_KEY, or store one with `assay profile set`");
            }
            client = AssayClient.builder().baseUrl(baseUrl == null ? DEFAULT_BASE_URL : baseUrl).apiKey(apiKey).build();
        }
        return client;
    }

    /** The base URL requests go to, for messages. */
    String baseUrl() {
        Config.Profile profile = profile();
        String baseUrl = firstSet(global.baseUrl, env.get("ASSAY_BASE_URL"), profile == null ? null : profile.baseUrl());
        return baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
    }

    /** The named profile ({@code --profile}, {@code ASSAY_PROFILE}) or the current one; a missing named one is a usage error. */
    private Config.@Nullable Profile profile() {
        String named = firstSet(global.profile, env.get("ASSAY_PROFILE"), null);
        Config config = config();
        if (named != null) {
            Config.Profile profile = config.profile(named);
            if (profile == null) {
                throw CliException.usage("No profile named '" + named + "' in " + config.file());
            }
            return profile;
        }
        return config.profile(config.currentProfileName());
    }

    /** The output format: {@code -o}, else a table on a terminal and JSON otherwise. */
    Output.Format format() {
        if (global.output != null) {
            return global.output;
        }
        return terminal() ? Output.Format.TABLE : Output.Format.JSON;
    }

    Output output() {
        return new Output(out, json(), format());
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        out.flush();
        err.flush();
    }

    private static @Nullable String firstSet(@Nullable String a, @Nullable String b, @Nullable String c) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return c != null && !c.isBlank() ? c : null;
    }
}
