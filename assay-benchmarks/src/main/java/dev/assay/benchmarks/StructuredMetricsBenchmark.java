package dev.assay.benchmarks;

import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import dev.assay.metrics.structured.AddressPolicy;
import dev.assay.metrics.structured.HostResolver;
import dev.assay.metrics.structured.HttpProber;
import dev.assay.metrics.structured.Iou;
import dev.assay.metrics.structured.JsonFieldMatch;
import dev.assay.metrics.structured.JsonFieldMatchNormalized;
import dev.assay.metrics.structured.SpatialMatch;
import dev.assay.metrics.structured.ToolCorrectness;
import dev.assay.metrics.structured.UrlValidation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Average time of one {@code score} call of each structured metric on realistic inputs: a
 * 190-word answer with four URLs, five predicted boxes against one ground-truth box, eleven called
 * tools against ten expected ones, and a 21-field JSON record inside a Markdown fence against the
 * expected record.
 *
 * <p>URL Validation runs with an in-memory resolver and prober that answer at once (a public
 * address, status 200), so the numbers measure extraction, the offline checks, the SSRF policy and
 * the redirect logic, not the network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class StructuredMetricsBenchmark {

    private static final String ANSWER = """
            Thanks for reaching out! To renew your passport you will need to book an appointment first. \
            The official booking page is https://www.exteriores.gob.es/es/ServiciosAlCiudadano/Paginas/Pasaporte.aspx \
            and it lists every consulate with its opening hours. Bring your current passport, a recent photo \
            with a white background, and the fee, which can be paid by card at most offices. If you live \
            abroad, check the [consular registry](https://www.exteriores.gob.es/Consulados/londres/es/Paginas/Inicio.aspx) \
            before you go, because some consulates only accept residents who are registered there. Processing \
            usually takes between one and three weeks, although in summer it can take longer, so plan ahead \
            if you are travelling soon. You can track the status of your application online at \
            www.sede.policia.gob.es/portalCiudadano/ once you have the receipt number printed on your form. \
            For questions about fees and exemptions (for example for large families), the ministry keeps an \
            up-to-date FAQ at https://www.interior.gob.es/opencms/es/servicios-al-ciudadano/tramites-y-gestiones/. \
            Remember that minors need the consent of both parents, and that the photo must be less than six \
            months old. If anything is unclear, reply to this message and I will walk you through the steps \
            one by one, including what to do if your old passport was lost or stolen before the appointment.\
            """;

    private final UrlValidation urlValidation = new UrlValidation(
            new InMemoryResolver(), AddressPolicy.publicAddressesOnly(), (method, url, address) -> new HttpProber.Response(200, null));
    private final Iou iou = new Iou();
    private final SpatialMatch spatialMatch = new SpatialMatch();
    private final ToolCorrectness toolCorrectness = new ToolCorrectness();
    private final JsonFieldMatch jsonFieldMatch = new JsonFieldMatch();
    private final JsonFieldMatchNormalized jsonFieldMatchNormalized = new JsonFieldMatchNormalized();

    /** The inputs the benchmarks score; assigned in {@link #setUp()} before any measurement. */
    private MetricInput urlInput;
    private MetricInput boxInput;
    private MetricInput toolInput;
    private MetricInput jsonInput;

    /** Builds the inputs and checks that every metric scores them rather than skipping or failing. */
    @Setup
    public void setUp() {
        urlInput = new MetricInput(null, ANSWER, null, null, null, null);
        boxInput = MetricInput.ofOutputs(
                "{\"bboxes\": [[12, 30, 118, 240], [300.5, 40, 410, 220.25], [15, 260, 90, 330], [500, 500, 640, 600],"
                        + " [220, 10, 280, 70]]}",
                "{\"bbox\": [305, 45, 400, 230]}");
        toolInput = MetricInput.ofTools(
                List.of("functions.search_flights", "Get-Weather", "tools.book_hotel()", "currency_convert",
                        "functions.search_flights", "`send_email`", "calendar.create_event", "lookup_order",
                        "translate text", "get_exchange_rate", "tool.summarize"),
                List.of("search_flights", "get_weather", "book_hotel", "currency_convert", "send_email",
                        "calendar.create_event", "lookup_order", "translate_text", "get_exchange_rate", "summarize"));
        jsonInput = MetricInput.ofOutputs(
                "Here is the extracted record:\n```json\n" + record("MARÍA JOSÉ", "Málaga", "30.0", "Calle Ñandú 7") + "\n```\n"
                        + "Let me know if you need anything else.",
                record("María José", "Malaga", "30", "Calle Nandu 7"));
        requireScored(urlValidation(), iou(), spatialMatch(), toolCorrectness(), jsonFieldMatch(), jsonFieldMatchNormalized());
    }

    /** A skip or failure would measure the early-exit path instead of the metric. */
    private static void requireScored(MetricResult... results) {
        for (MetricResult result : results) {
            if (!(result instanceof MetricResult.Scored)) {
                throw new IllegalStateException("A structured metric cannot score its benchmark input: " + result.reason());
            }
        }
    }

    /** A customer record of 21 top-level fields; the varied ones differ in accents, case and number form. */
    private static String record(String name, String city, String age, String street) {
        return """
                {"id": 48213, "name": "%s", "age": %s, "city": "%s", "street": "%s", "zip": "29001",
                 "country": "España", "email": "maria.jose@example.com", "phone": "+34 600 123 456",
                 "verified": true, "premium": false, "score": 87.5, "tags": ["vip", "newsletter", "early-adopter"],
                 "languages": ["es", "en"], "manager": null, "balance": 1520.75, "currency": "EUR",
                 "preferences": {"contact": "email", "theme": "dark", "notifications": [true, false, true]},
                 "created_at": "2024-03-18T09:12:44Z", "orders": 17, "notes": "Prefiere envío urgente"}
                """.formatted(name, age, city, street);
    }

    @Benchmark
    public MetricResult urlValidation() {
        return urlValidation.score(urlInput);
    }

    @Benchmark
    public MetricResult iou() {
        return iou.score(boxInput);
    }

    @Benchmark
    public MetricResult spatialMatch() {
        return spatialMatch.score(boxInput);
    }

    @Benchmark
    public MetricResult toolCorrectness() {
        return toolCorrectness.score(toolInput);
    }

    @Benchmark
    public MetricResult jsonFieldMatch() {
        return jsonFieldMatch.score(jsonInput);
    }

    @Benchmark
    public MetricResult jsonFieldMatchNormalized() {
        return jsonFieldMatchNormalized.score(jsonInput);
    }

    /** Resolves every host at once to one public address, so the SSRF policy lets it through. */
    private static final class InMemoryResolver implements HostResolver {

        private final List<InetAddress> addresses;

        InMemoryResolver() {
            try {
                addresses = List.of(InetAddress.getByAddress(new byte[]{93, (byte) 184, (byte) 216, 34}));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<InetAddress> resolve(String host) {
            return addresses;
        }
    }
}
