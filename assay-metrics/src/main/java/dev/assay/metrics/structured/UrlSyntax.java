package dev.assay.metrics.structured;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.apache.commons.validator.routines.DomainValidator;
import org.jspecify.annotations.Nullable;

/**
 * URL Validation checks 1 to 7 (spec §8.2), which need no network: https scheme, strict RFC 3986
 * syntax without user-info, no port, no IP-literal host, domain syntax after IDNA, a TLD from the
 * IANA root zone (the snapshot shipped in commons-validator's {@link DomainValidator}), and a clean
 * query string.
 */
final class UrlSyntax {

    private static final int MAX_DOMAIN_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String FORBIDDEN_QUERY_CHARACTERS = " <>\"{}|\\^`";
    private static final DomainValidator DOMAINS = DomainValidator.getInstance();

    private UrlSyntax() {}

    /** The outcome of checks 1 to 7 for one URL. */
    sealed interface Result {}

    /**
     * A URL that passed checks 1 to 7.
     *
     * @param uri the URL with its host in ASCII (IDNA) form
     * @param host the lower-case ASCII host name
     */
    record Valid(URI uri, String host) implements Result {}

    /**
     * A URL that failed a check.
     *
     * @param why the failed rule, for a person
     * @param unsafeScheme whether check 1 (https only) failed
     */
    record Invalid(String why, boolean unsafeScheme) implements Result {

        static Invalid because(String why) {
            return new Invalid(why, false);
        }
    }

    /** Runs checks 1 to 7 in order; the first failure decides. */
    static Result check(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0 || !isScheme(url.substring(0, colon))) {
            return Invalid.because("not an absolute URL");
        }
        if (!url.substring(0, colon).equalsIgnoreCase("https")) {
            return new Invalid("scheme " + url.substring(0, colon) + " is not https", true);
        }
        if (!url.startsWith("//", colon + 1)) {
            return Invalid.because("malformed URL: no authority after the scheme");
        }
        int authorityStart = colon + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = url.substring(authorityStart, authorityEnd);
        if (authority.indexOf('@') >= 0) {
            return Invalid.because("user information (user:password@) is not allowed");
        }
        String asciiAuthority;
        try {
            asciiAuthority = toAsciiAuthority(authority);
        } catch (IllegalArgumentException e) {
            return Invalid.because("invalid internationalized domain name: " + e.getMessage());
        }
        URI uri;
        try {
            uri = new URI(url.substring(0, authorityStart) + asciiAuthority + url.substring(authorityEnd));
        } catch (URISyntaxException e) {
            return Invalid.because("malformed URL: " + e.getMessage());
        }
        if (uri.getRawUserInfo() != null) {
            return Invalid.because("user information (user:password@) is not allowed");
        }
        // java.net.URI leaves the host null for names it rejects (127.1, -a.com): read the
        // authority ourselves so that checks 3 to 5 can say what is wrong.
        String rawAuthority = uri.getRawAuthority();
        if (rawAuthority == null || rawAuthority.isEmpty()) {
            return Invalid.because("missing host");
        }
        int portSeparator = rawAuthority.startsWith("[")
                ? rawAuthority.indexOf(']') + 1
                : rawAuthority.lastIndexOf(':');
        boolean hasPort = portSeparator > 0 && portSeparator < rawAuthority.length();
        String host = hasPort ? rawAuthority.substring(0, portSeparator) : rawAuthority;
        if (host.isEmpty()) {
            return Invalid.because("missing host");
        }
        if (hasPort) {
            return Invalid.because("an explicit port is not allowed");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") || endsInNumber(host)) {
            return Invalid.because("an IP address is not allowed as host");
        }
        String domainProblem = domainProblem(host);
        if (domainProblem != null) {
            return Invalid.because(domainProblem);
        }
        String topLevelDomain = host.substring(host.lastIndexOf('.') + 1);
        if (!DOMAINS.isValidTld(topLevelDomain)) {
            return Invalid.because("unknown top-level domain ." + topLevelDomain);
        }
        if (uri.getHost() == null) {
            return Invalid.because("malformed host " + host);
        }
        String queryProblem = queryProblem(uri.getRawQuery());
        if (queryProblem != null) {
            return Invalid.because(queryProblem);
        }
        return new Valid(uri, host);
    }

    private static String toAsciiAuthority(String authority) {
        if (authority.startsWith("[") || isAscii(authority)) {
            return authority;
        }
        int portSeparator = authority.lastIndexOf(':');
        String host = portSeparator >= 0 ? authority.substring(0, portSeparator) : authority;
        String port = portSeparator >= 0 ? authority.substring(portSeparator) : "";
        return IDN.toASCII(host) + port;
    }

    /** WHATWG "ends in a number": resolvers read such hosts as IPv4 (2130706433, 0x7f000001, 127.1). */
    private static boolean endsInNumber(String host) {
        String withoutRoot = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = withoutRoot.substring(withoutRoot.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        if (last.startsWith("0x")) {
            return last.substring(2).chars().allMatch(character -> Character.digit(character, 16) >= 0);
        }
        return last.chars().allMatch(character -> character >= '0' && character <= '9');
    }

    private static @Nullable String domainProblem(String host) {
        if (host.length() > MAX_DOMAIN_LENGTH) {
            return "domain name longer than " + MAX_DOMAIN_LENGTH + " characters";
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2) {
            return "domain name " + host + " has no top-level domain";
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
                return "domain label of invalid length in " + host;
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return "domain label starts or ends with a hyphen in " + host;
            }
            for (int index = 0; index < label.length(); index++) {
                char character = label.charAt(index);
                boolean allowed = (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9')
                        || character == '-';
                if (!allowed) {
                    return "invalid character '" + character + "' in domain name " + host;
                }
            }
        }
        return null;
    }

    private static @Nullable String queryProblem(@Nullable String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (int index = 0; index < rawQuery.length(); index++) {
            char character = rawQuery.charAt(index);
            if (character < 0x20 || character == 0x7F || FORBIDDEN_QUERY_CHARACTERS.indexOf(character) >= 0) {
                return "unescaped character in the query string";
            }
            if (character == '%' && (index + 2 >= rawQuery.length()
                    || Character.digit(rawQuery.charAt(index + 1), 16) < 0
                    || Character.digit(rawQuery.charAt(index + 2), 16) < 0)) {
                return "malformed percent escape in the query string";
            }
        }
        return null;
    }

    private static boolean isScheme(String scheme) {
        if (scheme.isEmpty() || !Character.isLetter(scheme.charAt(0)) || scheme.charAt(0) >= 0x80) {
            return false;
        }
        return scheme.chars().allMatch(character -> character < 0x80
                && (Character.isLetterOrDigit(character) || character == '+' || character == '-' || character == '.'));
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(character -> character < 0x80);
    }
}
