package io.genrelake.audio;

/**
 * A file in a container we recognise but an encoding we do not decode (e.g. WAV format tag 2, MS
 * ADPCM), or a format no registered decoder recognises. Callers may retry with another decoder.
 */
public final class UnsupportedAudioException extends AudioFormatException {

    private static final long serialVersionUID = 1L;

    public UnsupportedAudioException(String reason) {
        super(reason);
    }
}
