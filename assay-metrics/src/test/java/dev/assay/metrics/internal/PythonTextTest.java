package dev.assay.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonTextTest {

    /** Every character for which Python's str.isspace() is true. */
    private static final String PYTHON_WHITESPACE = "\t\n\u000b\f\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680"
            + "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

    @Test
    void isSpace_everyCodePoint_agreesWithPythonIsspace() {
        List<Integer> spaces = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (PythonText.isSpace(codePoint)) {
                spaces.add(codePoint);
            }
        }

        assertThat(spaces).containsExactlyElementsOf(PYTHON_WHITESPACE.chars().boxed().toList());
    }

    @Test
    void isSpace_negativeValue_isFalse() {
        assertThat(PythonText.isSpace(-1)).isFalse();
    }

    @Test
    void split_runsOfUnicodeWhitespace_dropsEmptyPieces() {
        String text = "\u00a0 one\u2007two\u202f\u202fthree\u0085\n";

        assertThat(PythonText.split(text)).containsExactly("one", "two", "three");
    }

    @Test
    void split_zeroWidthSpaceAndEmoji_areNotSeparators() {
        assertThat(PythonText.split("a\u200bb \ud83d\ude00x")).containsExactly("a\u200bb", "\ud83d\ude00x");
    }

    @Test
    void split_whitespaceOnly_returnsNothing() {
        assertThat(PythonText.split(" \t\u3000 ")).isEmpty();
    }

    @Test
    void rstrip_trailingPythonWhitespace_isRemovedButLeadingKept() {
        assertThat(PythonText.rstrip("  text \u00a0\u2029\u001f")).isEqualTo("  text");
    }

    @Test
    void strip_pythonWhitespaceOnBothSides_isRemovedButInnerKept() {
        assertThat(PythonText.strip("\u3000\u0085 tool\u2007name \u00a0\u202f")).isEqualTo("tool\u2007name");
    }

    @Test
    void strip_whitespaceOnly_returnsEmpty() {
        assertThat(PythonText.strip(" \t\u2028\u001c")).isEmpty();
    }

    @Test
    void strip_zeroWidthSpace_isKept() {
        assertThat(PythonText.strip("\u200bx\u200b")).isEqualTo("\u200bx\u200b");
    }

    @Test
    void lower_dottedCapitalI_ignoresDefaultLocale() {
        assertThat(PythonText.lower("TITLE \u0130stanbul")).isEqualTo("title i\u0307stanbul");
    }
}
