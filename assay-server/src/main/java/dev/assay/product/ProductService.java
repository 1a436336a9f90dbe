package dev.assay.product;

import dev.assay.auth.Caller;
import dev.assay.common.CreatedBetween;
import dev.assay.common.IdFilter;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.common.NotFoundException;
import dev.assay.common.StrictIds;
import dev.assay.common.Timestamps;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Products and their versions. */
@Service
public class ProductService {
    private static final VersionDetails DEFAULT_VERSION = new VersionDetails("default", null, null, null, null, null, null, null);

    private final ProductRepository products;
    private final VersionRepository versions;
    private final Clock clock;

    ProductService(ProductRepository products, VersionRepository versions, Clock clock) {
        this.products = products;
        this.versions = versions;
        this.clock = clock;
    }

    @Transactional
    public Product createProduct(Caller caller, ProductDetails details) {
        Product product = new Product(Ids.newId(clock), caller.organizationId(), details.name(), details.description(),
                details.riskLevel(), details.operatorType(), details.securityBoundaries(), details.capabilities(),
                details.policies(), details.inabilities(), Timestamps.now(clock), null);
        products.insert(product);
        return product;
    }

    @Transactional(readOnly = true)
    public Product getProduct(Caller caller, String productId) {
        return Ids.parse(IdKind.PRODUCT, productId)
                .flatMap(id -> products.find(caller.organizationId(), id))
                .orElseThrow(() -> productNotFound(productId));
    }

    @Transactional(readOnly = true)
    public List<Product> listProducts(Caller caller, ListQuery query) {
        ProductFilter filter = new ProductFilter(query.texts("names"), CreatedBetween.of(query), StrictIds.of(query, IdKind.PRODUCT));
        filter.ids().check(() -> products.matchingIds(caller.organizationId(), filter), ErrorCode.PRODUCT_NOT_FOUND, "Product");
        return products.list(caller.organizationId(), filter, query.sort(ProductSort::fromWire), query.limit(), query.offset());
    }

    @Transactional
    public void deleteProduct(Caller caller, String productId) {
        UUID id = Ids.parse(IdKind.PRODUCT, productId).orElseThrow(() -> productNotFound(productId));
        if (!products.softDelete(caller.organizationId(), id, Timestamps.now(clock))) {
            throw productNotFound(productId);
        }
    }

    @Transactional
    public Version createVersion(Caller caller, String productId, VersionDetails details) {
        Version version = newVersion(caller, getProduct(caller, productId), details);
        versions.insert(version);
        return version;
    }

    @Transactional(readOnly = true)
    public Version getVersion(Caller caller, String versionId) {
        return findVersion(caller, versionId).orElseThrow(() -> versionNotFound(versionId));
    }

    /** A live version of the caller's organization by its database id. */
    @Transactional(readOnly = true)
    public Version getVersionById(Caller caller, UUID versionId) {
        return versions.find(caller.organizationId(), versionId)
                .orElseThrow(() -> versionNotFound(Ids.format(IdKind.VERSION, versionId)));
    }

    /** A live product of the caller's organization by its database id. */
    @Transactional(readOnly = true)
    public Product getProductById(Caller caller, UUID productId) {
        return products.find(caller.organizationId(), productId)
                .orElseThrow(() -> productNotFound(Ids.format(IdKind.PRODUCT, productId)));
    }

    /** The version behind a wire id, if it exists in the caller's organization and is not deleted. */
    @Transactional(readOnly = true)
    public Optional<Version> findVersion(Caller caller, String versionId) {
        return Ids.parse(IdKind.VERSION, versionId).flatMap(id -> versions.find(caller.organizationId(), id));
    }

    /** The product's most recent version, created as {@code "default"} when it has none. */
    @Transactional
    public Version latestVersion(Caller caller, String productId) {
        Product product = getProduct(caller, productId);
        Optional<Version> latest = versions.findLatest(caller.organizationId(), product.id());
        if (latest.isPresent()) {
            return latest.get();
        }
        // Concurrent first sessions of a product race to create its default version; the losers
        // use the winner's instead of failing on the duplicate name.
        Version created = newVersion(caller, product, DEFAULT_VERSION);
        if (versions.insertUnlessNameTaken(created)) {
            return created;
        }
        return versions.findLatest(caller.organizationId(), product.id())
                .orElseThrow(() -> new IllegalStateException("Default version of " + productId + " vanished"));
    }

    /** The ids of the product's versions (none when the product is unknown). */
    @Transactional(readOnly = true)
    public List<UUID> versionIdsOfProduct(Caller caller, String productId) {
        Optional<UUID> id = Ids.parse(IdKind.PRODUCT, productId);
        if (id.isEmpty()) {
            return List.of();
        }
        return List.copyOf(versions.idsOfProduct(caller.organizationId(), id.get()));
    }

    @Transactional(readOnly = true)
    public List<Version> listVersions(Caller caller, ListQuery query) {
        VersionFilter filter = new VersionFilter(IdFilter.of(query, "productIds", IdKind.PRODUCT), query.texts("names"),
                CreatedBetween.of(query), StrictIds.of(query, IdKind.VERSION));
        filter.ids().check(() -> versions.matchingIds(caller.organizationId(), filter), ErrorCode.VERSION_NOT_FOUND, "Version");
        return versions.list(caller.organizationId(), filter, query.sort(ProductSort::fromWire), query.limit(), query.offset());
    }

    @Transactional
    public void deleteVersion(Caller caller, String versionId) {
        UUID id = Ids.parse(IdKind.VERSION, versionId).orElseThrow(() -> versionNotFound(versionId));
        if (!versions.softDelete(caller.organizationId(), id, Timestamps.now(clock))) {
            throw versionNotFound(versionId);
        }
    }

    private Version newVersion(Caller caller, Product product, VersionDetails details) {
        return new Version(Ids.newId(clock), caller.organizationId(), product.id(), details.name(),
                details.description(), details.systemPrompt(), details.modelId(), details.datasetDescription(),
                details.datasetUri(), details.endpoint(), details.guardrails(), Timestamps.now(clock), null);
    }

    private static NotFoundException productNotFound(String id) {
        return new NotFoundException(ErrorCode.PRODUCT_NOT_FOUND, "Product not found: " + id);
    }

    private static NotFoundException versionNotFound(String id) {
        return new NotFoundException(ErrorCode.VERSION_NOT_FOUND, "Version not found: " + id);
    }
}
