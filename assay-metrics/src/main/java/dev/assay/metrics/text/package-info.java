/**
 * Text-overlap metrics that reproduce standard Python reference implementations: BLEU
 * (sacrebleu), ROUGE-L (rouge-score), METEOR (NLTK with WordNet 3.0), Text Similarity and Text
 * Match (rapidfuzz Indel ratio).
 *
 * <p>Every metric in this package is deterministic, stateless and thread-safe.
 */
@NullMarked
package dev.assay.metrics.text;

import org.jspecify.annotations.NullMarked;
