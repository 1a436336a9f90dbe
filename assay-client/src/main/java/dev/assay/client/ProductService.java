package dev.assay.client;

import dev.assay.api.CreateProductRequest;
import dev.assay.api.ProductResponse;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;

/** Products ({@code galtea.products}). */
public final class ProductService {
    private final Transport transport;

    ProductService(Transport transport) {
        this.transport = transport;
    }

    public ProductResponse create(CreateProductRequest request) {
        return transport.send("POST", "products", request, ProductResponse.class);
    }

    public ProductResponse get(String productId) {
        return transport.send("GET", "products/" + Paths.segment(productId), null, ProductResponse.class);
    }

    /** The product with this name, if the organization has one. */
    public Optional<ProductResponse> getByName(String name) {
        return list(ListOptions.none().filter("names", name)).stream().findFirst();
    }

    public List<ProductResponse> list(ListOptions options) {
        return transport.send("GET", "products" + options.toQueryString(), null, new TypeReference<List<ProductResponse>>() {});
    }

    public void delete(String productId) {
        transport.sendWithoutResult("DELETE", "products/" + Paths.segment(productId), null);
    }
}
