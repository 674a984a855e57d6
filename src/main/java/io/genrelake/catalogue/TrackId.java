package io.genrelake.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable track ids: the first 16 bytes of the SHA-256 of the normalised path, as 32 lower-case hex
 * digits. The same file listed again (next night, by another spelling of its path) gets the same id; a
 * moved or renamed file is a new track. 128 bits keep accidental collisions out of reach for any
 * catalogue (about 10^-20 for a billion files).
 */
public final class TrackId {

    /** Bytes of the digest kept. */
    static final int BYTES = 16;

    private TrackId() {}

    /** The id of the track at {@code normalisedPath} (see {@link CataloguePath#normalise}). */
    public static String of(String normalisedPath) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalisedPath.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
