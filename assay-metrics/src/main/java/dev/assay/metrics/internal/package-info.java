/**
 * Implementation details shared by the metric packages {@code dev.assay.metrics.text} and {@code
 * dev.assay.metrics.structured}, so that each rule they have in common exists once: Python's
 * whitespace set (metrics spec §0.3) and the skip and failure flow of §0.2.
 *
 * <p>Not API: the types are public only because Java has no narrower visibility across packages.
 * They may change or disappear in any release; callers outside this library must not use them.
 */
@NullMarked
package dev.assay.metrics.internal;

import org.jspecify.annotations.NullMarked;
