package io.genrelake.tags;

import io.genrelake.testing.FfmpegCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One-second tones written by the ffmpeg program of the project's natives jar, the bodies of the tag tests' files. */
final class ToneFiles {

    private ToneFiles() {}

    /** A one-second sine written to {@code out} with the ffmpeg arguments {@code args} (codec, metadata, …). */
    static Path write(Path out, String... args) throws Exception {
        List<String> all = new ArrayList<>(FfmpegCli.sine(1));
        all.addAll(List.of(args));
        all.add(out.toString());
        FfmpegCli.run(all.toArray(new String[0]));
        return out;
    }

    /** An MP3 without any tag nor Xing frame, written into {@code dir}: MPEG frames from its first byte. */
    static byte[] bareMp3(Path dir) throws Exception {
        return Files.readAllBytes(write(dir.resolve("bare.mp3"), "-c:a", "libmp3lame", "-id3v2_version", "0",
                "-write_xing", "0"));
    }
}
