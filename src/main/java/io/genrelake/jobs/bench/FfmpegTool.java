package io.genrelake.jobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The ffmpeg command-line tool, used only to make benchmark inputs (MP3 re-encodings). It is an optional
 * system tool ({@code apt-get install ffmpeg}); {@link #find} says whether it is there.
 */
final class FfmpegTool {

    private final String executable;

    private FfmpegTool(String executable) {
        this.executable = executable;
    }

    /** ffmpeg from the PATH, if it runs. */
    static Optional<FfmpegTool> find() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(new FfmpegTool("ffmpeg"))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Encodes {@code input} as 44.1-kHz stereo MP3 (LAME, 192 kb/s), the commonest form in real libraries. */
    void toMp3(Path input, Path output) throws IOException {
        run(List.of("-i", input.toString(), "-ac", "2", "-ar", "44100", "-codec:a", "libmp3lame", "-b:a", "192k",
                output.toString()));
    }

    /** Concatenates {@code inputs}, repeated in turn, into one MP3 of {@code seconds} (44.1 kHz stereo). */
    void longMp3(List<Path> inputs, int seconds, Path output) throws IOException {
        Path list = Files.createTempFile("genrelake-concat", ".txt");
        try {
            List<String> lines = new ArrayList<>();
            int repeats = Math.max(1, seconds / (30 * inputs.size()) + 1);
            for (int r = 0; r < repeats; r++) {
                for (Path in : inputs) {
                    lines.add("file '" + in.toAbsolutePath().toString().replace("'", "'\\''") + "'");
                }
            }
            Files.write(list, lines, StandardCharsets.UTF_8);
            run(List.of("-f", "concat", "-safe", "0", "-i", list.toString(), "-t", Integer.toString(seconds), "-ac", "2",
                    "-ar", "44100", "-codec:a", "libmp3lame", "-b:a", "192k", output.toString()));
        } finally {
            Files.deleteIfExists(list);
        }
    }

    private void run(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(executable, "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("ffmpeg failed: " + String.join(" ", cmd) + "\n" + output);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running ffmpeg", e);
        }
    }
}
