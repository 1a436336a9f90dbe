package dev.assay.metrics.text;

import dev.assay.metrics.internal.PythonText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * sacrebleu's default {@code 13a} tokenizer (mteval-v13a), applied after sacrebleu's
 * {@code rstrip()} (metrics spec §1.1). No lower-casing; every non-ASCII character is left glued to
 * its word.
 */
final class SacrebleuTokenizer {

    /** Each of 29 ASCII symbols (including the space) becomes a token of its own. */
    private static final Pattern SYMBOL = Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");

    /** A period or comma preceded by a non-digit. */
    private static final Pattern PUNCTUATION_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");

    /** A period or comma followed by a non-digit. */
    private static final Pattern PUNCTUATION_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");

    /** A hyphen preceded by a digit. */
    private static final Pattern HYPHEN_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

    private SacrebleuTokenizer() {}

    /** The tokens of {@code text}, as {@code sacrebleu}'s BLEU sees them. */
    static List<String> tokenize(String text) {
        String line = PythonText.rstrip(text);
        line = line.replace("<skipped>", "");
        line = line.replace("-\n", "");
        line = line.replace("\n", " ");
        if (line.indexOf('&') >= 0) {
            line = line.replace("&quot;", "\"");
            line = line.replace("&amp;", "&");
            line = line.replace("&lt;", "<");
            line = line.replace("&gt;", ">");
        }
        line = " " + line + " ";
        line = SYMBOL.matcher(line).replaceAll(" $1 ");
        line = PUNCTUATION_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
        line = PUNCTUATION_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
        line = HYPHEN_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
        return PythonText.split(line);
    }
}
