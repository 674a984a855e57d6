package io.genrelake.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.genrelake.scoring.Identification;
import io.genrelake.scoring.IdentificationJson;
import io.genrelake.scoring.TrackIdentifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * The web page and its endpoint: {@code GET /} the page (upload a file; genre, confidence, top genres as bars, the
 * per-window timeline, the model card), {@code GET /model-card} the model's card, {@code POST /identify} (multipart
 * field {@code file}) the JSON of {@code identify --format json} for that one file. Requests are served one at a time
 * (one {@link TrackIdentifier}, which holds a feature extractor); an upload is written to a temporary file (the
 * decoders read seekable files) and deleted after.
 */
public final class IdentifyServer implements AutoCloseable {

    /** The multipart field that holds the audio. */
    public static final String FIELD = "file";

    private final HttpServer server;
    private final TrackIdentifier identifier;
    private final String modelName;
    private final byte[] card;
    private final long maxUploadBytes;

    /**
     * Binds {@code host:port} (port 0: any free one, see {@link #port()}) and starts serving.
     *
     * @param card the model's card JSON, shown on the page
     */
    public static IdentifyServer start(String host, int port, TrackIdentifier identifier, String modelName,
            String card, long maxUploadBytes) throws IOException {
        return new IdentifyServer(host, port, identifier, modelName, card, maxUploadBytes);
    }

    private IdentifyServer(String host, int port, TrackIdentifier identifier, String modelName, String card,
            long maxUploadBytes) throws IOException {
        this.identifier = identifier;
        this.modelName = modelName;
        this.card = card.getBytes(StandardCharsets.UTF_8);
        this.maxUploadBytes = maxUploadBytes;
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/", this::page);
        server.createContext("/model-card", e -> answer(e, 200, "application/json", this.card));
        server.createContext("/identify", this::identify);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "genrelake-serve");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void page(HttpExchange e) throws IOException {
        if (!e.getRequestURI().getPath().equals("/")) {
            answer(e, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = IdentifyServer.class.getResourceAsStream("index.html")) {
            answer(e, 200, "text/html; charset=utf-8", in.readAllBytes());
        }
    }

    private void identify(HttpExchange e) throws IOException {
        if (!e.getRequestMethod().equals("POST")) {
            e.getResponseHeaders().set("Allow", "POST");
            error(e, 405, "POST an audio file as multipart field 'file' (curl -F file=@song.mp3 URL/identify)");
            return;
        }
        String length = e.getRequestHeaders().getFirst("Content-Length");
        if (length != null && Long.parseLong(length.strip()) > maxUploadBytes) {
            discardAtMost(e.getRequestBody(), 2 * maxUploadBytes);
            error(e, 413, tooLarge(Long.parseLong(length.strip())));
            return;
        }
        byte[] body = readAtMost(e.getRequestBody(), maxUploadBytes);
        if (body == null) {
            discardAtMost(e.getRequestBody(), maxUploadBytes);
            error(e, 413, tooLarge(-1));
            return;
        }
        MultipartUpload upload;
        try {
            upload = MultipartUpload.field(e.getRequestHeaders().getFirst("Content-Type"), body, FIELD);
        } catch (IOException bad) {
            error(e, 400, bad.getMessage());
            return;
        }
        Path file = Files.createTempFile("genrelake-upload-", suffix(upload.filename()));
        try {
            Files.write(file, upload.content());
            Identification answer = identifier.identify(file, Path.of(upload.filename()).getFileName().toString());
            int status = answer.status().equals(Identification.ERROR) ? 422 : 200;
            answer(e, status, "application/json", IdentificationJson.of(modelName, List.of(answer))
                    .getBytes(StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private String tooLarge(long bytes) {
        return String.format(Locale.ROOT, "upload too large: %s, the limit is %d MB (serve --max-upload-mb)",
                bytes < 0 ? "more than the limit" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6),
                maxUploadBytes / 1_000_000);
    }

    /** The body, or null when it is longer than {@code limit}. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Reads and drops what is left of a refused upload, up to {@code max} bytes. Closing a socket with unread bytes
     * in it sends a TCP reset, which can destroy the 413 the client has not read yet (seen in CI: the status arrived,
     * the body did not); the JDK server itself drains only 64 KiB. Uploads up to twice the limit therefore get the
     * reason intact; a larger one is cut off after that much, as Tomcat's {@code maxSwallowSize} does.
     */
    private static void discardAtMost(InputStream in, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - total))) > 0) {
            total += n;
        }
    }

    /** The upload's extension (for the decoders' sniffing it does not matter; for a reader of /tmp it helps). */
    private static String suffix(String filename) {
        int dot = filename.lastIndexOf('.');
        String ext = dot < 0 ? "" : filename.substring(dot).toLowerCase(Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".audio";
    }

    private static void error(HttpExchange e, int status, String reason) throws IOException {
        String json = "{\"error\": " + quote(reason) + "}\n";
        answer(e, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static void answer(HttpExchange e, int status, String type, byte[] body) throws IOException {
        e.getResponseHeaders().set("Content-Type", type);
        // one request per connection: after a refused upload the rest of it may still be in flight
        e.getResponseHeaders().set("Connection", "close");
        e.sendResponseHeaders(status, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
    }
}
