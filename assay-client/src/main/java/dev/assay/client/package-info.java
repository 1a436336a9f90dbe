/**
 * The Java SDK of Assay: one {@link dev.assay.client.AssayClient} with a service per resource,
 * named after the Galtea Python SDK's services and methods.
 */
@NullMarked
package dev.assay.client;

import org.jspecify.annotations.NullMarked;
