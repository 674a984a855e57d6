package io.genrelake.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /identify} as curl uses it: the identify JSON, a clear 413 over the limit, a reason for a bad file. */
class IdentifyServerTest {

    private static final long LIMIT = 3_000_000;
    private static IdentifyServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = ServeFixture.start(LIMIT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void answersTheIdentifyJson(@TempDir Path dir) throws Exception {
        Path clip = ServeFixture.clip(dir.resolve("clip.wav"), 45);
        HttpResponse<String> response = post("clip.wav", Files.readAllBytes(clip));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode file = new ObjectMapper().readTree(response.body()).path("files").get(0);
        assertEquals("clip.wav", file.path("file").asText());
        assertEquals(3, file.path("top").size());
        assertEquals(2, file.path("windows").size(), "45 s: a whole window and a final one of 15 s: " + response.body());
    }

    @Test
    void badFileGetsItsReason() throws Exception {
        HttpResponse<String> response = post("song.mp3", "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, response.statusCode(), response.body());
        JsonNode file = new ObjectMapper().readTree(response.body()).path("files").get(0);
        assertEquals("error", file.path("status").asText());
        assertTrue(file.path("error").asText().startsWith("unsupported format"), response.body());
    }

    @Test
    void tooLargeUploadIs413WithTheLimit() throws Exception {
        HttpResponse<String> response = post("big.wav", new byte[(int) LIMIT + 1]);
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("limit is 3 MB") && response.body().contains("--max-upload-mb"),
                response.body());
    }

    @Test
    void tooLargeChunkedUploadIs413WithTheLimit() throws Exception {
        byte[] body = multipart("big.wav", new byte[(int) LIMIT + 1]);
        // no Content-Length: the server finds out while reading
        HttpRequest request = request(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("limit is 3 MB"), response.body());
    }

    @Test
    void formWithoutTheFileFieldIs400() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/identify"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("multipart/form-data"), response.body());
    }

    private static final String BOUNDARY = "----genrelake-test";

    private static HttpResponse<String> post(String filename, byte[] content) throws Exception {
        HttpRequest request = request(HttpRequest.BodyPublishers.ofByteArray(multipart(filename, content)));
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/identify"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(body).build();
    }

    private static byte[] multipart(String filename, byte[] content) throws Exception {
        String boundary = BOUNDARY;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
