package dev.assay.metrics.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production TLS path of {@link SocketHttpProber} against a local HTTPS server whose
 * certificate, made with the JDK's keytool, names {@code shop.example.com}.
 */
class SocketHttpProberTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path directory;

    private static HttpsServer server;
    private static HttpProber prober;

    @BeforeAll
    static void startServer() throws IOException, GeneralSecurityException, InterruptedException {
        KeyStore serverKeys = generateKeyStore(directory.resolve("server.p12"));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(serverKeys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/ok") ? 200 : 404, -1);
            }
        });
        server.start();

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", serverKeys.getCertificate("server"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trustManagers.getTrustManagers(), null);
        prober = new SocketHttpProber(Duration.ofSeconds(2), Duration.ofSeconds(5),
                SocketHttpProber.tls(clientContext.getSocketFactory(), server.getAddress().getPort()));
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static KeyStore generateKeyStore(Path file) throws IOException, GeneralSecurityException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=shop.example.com", "-ext", "SAN=dns:shop.example.com",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(output));
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream input = Files.newInputStream(file)) {
            keyStore.load(input, PASSWORD);
        }
        return keyStore;
    }

    @Test
    void send_certificateMatchesHost_returnsStatus() throws IOException {
        HttpProber.Response response = prober.send("HEAD", URI.create("https://shop.example.com/ok"),
                InetAddress.getLoopbackAddress());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.location()).isNull();
    }

    @Test
    void send_certificateForAnotherHost_failsHostnameVerification() {
        assertThatExceptionOfType(SSLHandshakeException.class).isThrownBy(() -> prober.send("HEAD",
                URI.create("https://other.example.com/ok"), InetAddress.getLoopbackAddress()));
    }

    @Test
    void score_throughTls_validatesUrl() {
        HostResolver resolver = host -> List.of(InetAddress.getLoopbackAddress());
        AddressPolicy loopbackForTheTestServer = InetAddress::isLoopbackAddress;
        UrlValidation metric = new UrlValidation(resolver, loopbackForTheTestServer, prober);

        MetricResult valid = metric.score(new MetricInput(null, "https://shop.example.com/ok", null, null, null, null));
        MetricResult wrongCertificate = metric.score(new MetricInput(null, "https://other.example.com/ok", null, null, null,
                null));

        assertThat(((MetricResult.Scored) valid).score()).isEqualTo(1.0);
        assertThat(((MetricResult.Scored) wrongCertificate).score()).isEqualTo(0.0);
        assertThat(wrongCertificate.reason()).contains("SSLHandshakeException");
    }
}
