package io.genrelake.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.UnsupportedAudioException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.Test;

class ErrorReasonTest {

    @Test
    void decoderReasonsKeepTheirWordsAndGetAKind() {
        assertEquals("truncated: data chunk declares 10 bytes, stream ended after 4",
                ErrorReason.of(new AudioFormatException("truncated: data chunk declares 10 bytes, stream ended after 4")));
        assertEquals("corrupt: fmt chunk declares 0 channels",
                ErrorReason.of(new AudioFormatException("corrupt: fmt chunk declares 0 channels")));
        assertEquals("empty file", ErrorReason.of(new AudioFormatException("empty file")));
        assertEquals("unsupported format: not WAV, AU or AIFF (starts with 6e 6f)",
                ErrorReason.of(new UnsupportedAudioException("unsupported format: not WAV, AU or AIFF (starts with 6e 6f)")));
        assertEquals("unsupported format: WAV format tag 0x0002 (MS ADPCM)",
                ErrorReason.of(new UnsupportedAudioException("unsupported WAV format tag 0x0002 (MS ADPCM)")));
        assertEquals("undecodable: no fmt chunk: stream ended after 12 bytes",
                ErrorReason.of(new AudioFormatException("no fmt chunk: stream ended after 12 bytes")));
    }

    @Test
    void fileSystemFailuresAreNamed() {
        assertEquals(ErrorReason.NOT_FOUND, ErrorReason.kindOf(ErrorReason.of(new FileNotFoundException("/x"))));
        assertEquals(ErrorReason.PERMISSION_DENIED, ErrorReason.kindOf(ErrorReason.of(new AccessDeniedException("/x"))));
        assertEquals("I/O error: IOException: connection reset", ErrorReason.of(new IOException("connection reset")));
        String bug = ErrorReason.of(new IllegalStateException("oops"));
        assertEquals("internal error: java.lang.IllegalStateException: oops", bug);
    }

    @Test
    void everyReasonStartsWithItsKind() {
        assertEquals(ErrorReason.TOO_SHORT, ErrorReason.kindOf(ErrorReason.tooShort(1000, 2048, 22050)));
        assertTrue(ErrorReason.tooShort(1000, 2048, 22050).contains("1000 samples (0.045 s)"));
        assertEquals(ErrorReason.ZERO_DURATION, ErrorReason.kindOf(ErrorReason.zeroDuration()));
        assertEquals(ErrorReason.INVALID_SAMPLES, ErrorReason.kindOf(ErrorReason.invalidSamples("NaN")));
        assertEquals(ErrorReason.EMPTY, ErrorReason.kindOf("empty file"));
        for (String kind : ErrorReason.KINDS) {
            assertEquals(kind, ErrorReason.kindOf(kind + ": detail: more"));
        }
    }
}
