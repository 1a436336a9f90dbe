/**
 * Galtea's deterministic metrics over structured output: bounding boxes ({@link
 * dev.assay.metrics.structured.Iou}, {@link dev.assay.metrics.structured.SpatialMatch}), URLs
 * ({@link dev.assay.metrics.structured.UrlValidation}), tool calls ({@link
 * dev.assay.metrics.structured.ToolCorrectness}) and JSON objects ({@link
 * dev.assay.metrics.structured.JsonFieldMatch}, {@link
 * dev.assay.metrics.structured.JsonFieldMatchNormalized}).
 *
 * <p>The rules are those of {@code docs/reference/metrics.md} sections 6 to 11.
 */
@NullMarked
package dev.assay.metrics.structured;

import org.jspecify.annotations.NullMarked;
