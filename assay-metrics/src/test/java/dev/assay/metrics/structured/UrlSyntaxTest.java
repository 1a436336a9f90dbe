package dev.assay.metrics.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://example.com",
            "https://example.com/",
            "HTTPS://WWW.EXAMPLE.COM/Path?Q=1#Frag",
            "https://docs.python.org/3/library/json.html#json.loads",
            "https://example.com/search?q=a%20b&lang=es",
            "https://example.com/caf%C3%A9",
            "https://sub-domain.example.co.uk/a",
            "https://bücher.de/",
            "https://例え.jp/",
            "https://example.xn--p1ai/",
            "https://example.рф/",
            "https://a.museum",
            "https://example.com/path/ñ"
    })
    void check_wellFormedPublicUrl_passesChecksOneToSeven(String url) {
        assertThat(UrlSyntax.check(url)).isInstanceOf(UrlSyntax.Valid.class);
    }

    @Test
    void check_internationalizedHost_isConvertedToLowerCaseAscii() {
        UrlSyntax.Valid valid = (UrlSyntax.Valid) UrlSyntax.check("https://Bücher.DE/a");

        assertThat(valid.host()).isEqualTo("xn--bcher-kva.de");
        assertThat(valid.uri().getHost()).isEqualToIgnoringCase("xn--bcher-kva.de");
    }

    static Stream<Arguments> invalidUrls() {
        return Stream.of(
                arguments("http scheme", "http://example.com", "not https"),
                arguments("ftp scheme", "ftp://files.example.com/a.txt", "not https"),
                arguments("javascript-like scheme", "javascript://example.com", "not https"),
                arguments("no host", "https://", "malformed URL"),
                arguments("empty host with path", "https:///path", "missing host"),
                arguments("percent-encoded host", "https://exa%41mple.com/", "invalid character"),
                arguments("space in path", "https://example.com/a b", "malformed URL"),
                arguments("bad percent escape in path", "https://example.com/%zz", "malformed URL"),
                arguments("backslash", "https://example.com\\evil.com", "malformed URL"),
                arguments("user info", "https://user:pass@example.com/", "user information"),
                arguments("user only", "https://user@example.com/", "user information"),
                arguments("empty user info", "https://@example.com/", "user information"),
                arguments("port", "https://example.com:8443/status", "port"),
                arguments("default port", "https://example.com:443/", "port"),
                arguments("empty port", "https://example.com:/", "port"),
                arguments("IDN with port", "https://bücher.de:8443/", "port"),
                arguments("IPv4", "https://192.168.0.1/login", "IP address"),
                arguments("public IPv4", "https://8.8.8.8/", "IP address"),
                arguments("IPv6", "https://[2001:db8::1]/index.html", "IP address"),
                arguments("decimal IPv4", "https://2130706433/", "IP address"),
                arguments("hex IPv4", "https://0x7f000001/", "IP address"),
                arguments("short IPv4", "https://127.1/", "IP address"),
                arguments("octal IPv4", "https://0177.0.0.1/", "IP address"),
                arguments("numeric last label", "https://example.123/", "IP address"),
                arguments("localhost", "https://localhost/admin", "no top-level domain"),
                arguments("underscore", "https://my_host.example.com/", "invalid character"),
                arguments("leading hyphen", "https://-bad.example.com/", "hyphen"),
                arguments("empty label", "https://a..example.com/", "invalid length"),
                arguments("trailing dot", "https://example.com./", "length"),
                arguments("label too long", "https://" + "a".repeat(64) + ".com/", "length"),
                arguments("domain too long", "https://" + "a.".repeat(127) + "com/", "longer than 253"),
                arguments("invalid IDN", "https://" + "ü".repeat(70) + ".de/", "internationalized"),
                arguments("unknown TLD", "https://docs.example.notarealtld/page", "unknown top-level domain"),
                arguments("corp TLD", "https://intranet.corp/", "unknown top-level domain"),
                arguments("local TLD", "https://printer.local/", "unknown top-level domain"),
                arguments("internal TLD", "https://api.internal/", "unknown top-level domain"),
                arguments("lan TLD", "https://router.lan/", "unknown top-level domain"),
                arguments("query with raw brace", "https://example.com/?q={x}", "malformed URL"),
                arguments("query with bad escape", "https://example.com/?q=%G1", "malformed URL"),
                arguments("query with truncated escape", "https://example.com/?q=%4", "malformed URL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUrls")
    void check_invalidUrl_failsWithReason(String description, String url, String reasonFragment) {
        UrlSyntax.Result result = UrlSyntax.check(url);

        assertThat(result).isInstanceOf(UrlSyntax.Invalid.class);
        assertThat(((UrlSyntax.Invalid) result).why()).contains(reasonFragment);
    }

    @Test
    void check_nonHttpsScheme_isMarkedUnsafe() {
        assertThat(((UrlSyntax.Invalid) UrlSyntax.check("http://example.com")).unsafeScheme()).isTrue();
        assertThat(((UrlSyntax.Invalid) UrlSyntax.check("https://example.com:1/")).unsafeScheme()).isFalse();
    }
}
