package dev.assay.metrics.structured;

import dev.assay.metrics.internal.PythonText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the URLs in a model response (spec §8.1): substrings starting with a scheme {@code
 * [a-z][a-z0-9+.-]*://} or with {@code www.} at a word boundary, up to the first whitespace or
 * {@code < > " `}, without trailing punctuation. Bare domains are not extracted. Runs in linear
 * time.
 */
final class UrlExtractor {

    private static final String WWW = "www.";
    private static final String SCHEME_SEPARATOR = "://";
    private static final String TRAILING_PUNCTUATION = ".,;:!?')]}";
    private static final String OPENERS = "([{";
    private static final String CLOSERS = ")]}";

    private UrlExtractor() {}

    /**
     * The distinct URLs of the text in order of first occurrence, as written (a {@code www.} URL
     * keeps no scheme).
     */
    static List<String> extract(String text) {
        Set<String> urls = new LinkedHashSet<>();
        int index = 0;
        while (index < text.length()) {
            if (!isAsciiLetter(text.charAt(index)) || (index > 0 && isSchemeCharacter(text.charAt(index - 1)))) {
                index++;
                continue;
            }
            int start = index;
            int schemeEnd = start + 1;
            while (schemeEnd < text.length() && isSchemeCharacter(text.charAt(schemeEnd))) {
                schemeEnd++;
            }
            int bodyStart;
            boolean withScheme = text.startsWith(SCHEME_SEPARATOR, schemeEnd);
            if (withScheme) {
                bodyStart = schemeEnd + SCHEME_SEPARATOR.length();
            } else if (text.regionMatches(true, start, WWW, 0, WWW.length())) {
                bodyStart = start + WWW.length();
            } else {
                index = schemeEnd;
                continue;
            }
            int end = bodyStart;
            while (end < text.length() && !isTerminator(text.charAt(end))) {
                end++;
            }
            String url = withoutTrailingPunctuation(text.substring(start, end));
            if (withScheme || url.length() > WWW.length()) {
                urls.add(url);
            }
            index = end;
        }
        return new ArrayList<>(urls);
    }

    /**
     * Strips trailing {@code . , ; : ! ? ' ) ] }} repeatedly, but keeps a closing bracket that
     * closes an opener inside the URL ({@code https://en.wikipedia.org/wiki/Pi_(letter)}).
     */
    static String withoutTrailingPunctuation(String url) {
        int[] balance = new int[OPENERS.length()];
        for (int index = 0; index < url.length(); index++) {
            int opener = OPENERS.indexOf(url.charAt(index));
            int closer = CLOSERS.indexOf(url.charAt(index));
            if (opener >= 0) {
                balance[opener]++;
            } else if (closer >= 0) {
                balance[closer]--;
            }
        }
        int end = url.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
            int closer = CLOSERS.indexOf(url.charAt(end - 1));
            // Without this closer the URL would hold more openers than closers: it closes one of them.
            if (closer >= 0 && balance[closer] + 1 > 0) {
                break;
            }
            if (closer >= 0) {
                balance[closer]++;
            }
            end--;
        }
        return url.substring(0, end);
    }

    private static boolean isTerminator(char character) {
        return PythonText.isSpace(character)
                || character == '<' || character == '>' || character == '"' || character == '`';
    }

    private static boolean isAsciiLetter(char character) {
        return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');
    }

    private static boolean isSchemeCharacter(char character) {
        return isAsciiLetter(character) || (character >= '0' && character <= '9')
                || character == '+' || character == '-' || character == '.';
    }
}
