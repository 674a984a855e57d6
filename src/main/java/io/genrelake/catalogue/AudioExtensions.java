package io.genrelake.catalogue;

import java.util.Locale;
import java.util.Set;

/**
 * Which file names the listing takes as audio, and which as Kaggle feature tables. The decoders judge a
 * file by its bytes, not its name; names only decide what a directory walk or a glob picks up.
 */
public final class AudioExtensions {

    /**
     * Extensions (lower case) of the formats the decoders read — WAV, AU, AIFF, MP3, AAC/M4A, FLAC, Ogg, Opus — as
     * the commands' help texts quote them: the one list {@code extract}'s listing and {@code features}' walk take.
     */
    public static final String AUDIO_NAMES = "wav, wave, au, snd, aif, aiff, aifc, mp3, m4a, aac, flac, ogg, oga, opus";

    /** {@link #AUDIO_NAMES} as a set. */
    public static final Set<String> AUDIO = Set.of(AUDIO_NAMES.split(", "));

    /** The extension of a Kaggle-layout feature table given as an input. */
    public static final String KAGGLE_TABLE = "csv";

    private AudioExtensions() {}

    /** Whether a file name has one of the {@link #AUDIO} extensions, in any case. */
    public static boolean isAudio(String fileName) {
        return AUDIO.contains(extension(fileName));
    }

    /** Whether a file name ends in {@code .csv}, in any case. */
    public static boolean isKaggleTable(String fileName) {
        return KAGGLE_TABLE.equals(extension(fileName));
    }

    /** The lower-case text after the last dot, or "" when there is none (or the name starts with it). */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
