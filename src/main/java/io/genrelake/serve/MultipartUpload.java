package io.genrelake.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one file field of a {@code multipart/form-data} body (RFC 7578), already read into memory within the upload
 * limit. Written here rather than taken from a library: the JDK's HTTP server has no multipart support, and the
 * libraries that do (Commons FileUpload, Jetty) are servlet-bound; one field of one request is a few lines.
 *
 * @param filename the file name the browser sent (the part's {@code filename}), or "upload" when absent
 * @param content  the file's bytes
 */
public record MultipartUpload(String filename, byte[] content) {

    /**
     * The part named {@code field} of {@code body}; {@code contentType} is the request's header (it names the
     * boundary).
     *
     * @throws IOException with a reason for users when the body is not a form holding that field
     */
    public static MultipartUpload field(String contentType, byte[] body, String field) throws IOException {
        String boundary = boundary(contentType);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length;
            if (headersStart + 2 <= body.length && body[headersStart] == '-' && body[headersStart + 1] == '-') {
                break; // the closing delimiter
            }
            headersStart += 2; // CRLF after the delimiter
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                break;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), contentStart);
            if (next < 0) {
                throw new IOException("the form's body is cut short (no closing boundary)");
            }
            if (field.equals(parameter(headers, "name"))) {
                String filename = parameter(headers, "filename");
                return new MultipartUpload(filename == null || filename.isBlank() ? "upload" : filename,
                        Arrays.copyOfRange(body, contentStart, next));
            }
            at = next + 2;
        }
        throw new IOException("the form has no field '" + field + "' (send the audio as multipart field " + field
                + ", e.g. curl -F " + field + "=@song.mp3)");
    }

    private static String boundary(String contentType) throws IOException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new IOException("expected a multipart/form-data upload with the audio in field 'file', got "
                    + (contentType == null ? "no Content-Type" : contentType));
        }
        String boundary = parameter(contentType, "boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new IOException("multipart/form-data without a boundary");
        }
        return boundary;
    }

    /** A header parameter's value ({@code name="x"} or {@code name=x}), or null. */
    static String parameter(String header, String name) {
        for (String piece : header.split("[;\r\n]")) {
            String p = piece.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).strip();
                return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
