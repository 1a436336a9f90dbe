package dev.assay.api;

/**
 * A newly created organization with the secret of its first admin API key, shown only once.
 *
 * @param id the organization id ({@code organization_...})
 * @param name the organization's name
 * @param apiKey the admin key's secret ({@code gsk_...})
 * @param createdAt ISO 8601 UTC with milliseconds
 */
public record OrganizationResponse(String id, String name, String apiKey, String createdAt) {}
