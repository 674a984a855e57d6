package io.genrelake.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * The {@code ffmpeg} program that ships inside the project's FFmpeg natives jar (org.bytedeco:ffmpeg), for tests
 * that write tagged files in the containers FFmpeg muxes. It finds its shared libraries beside itself.
 */
public final class FfmpegCli {

    private FfmpegCli() {}

    /** Runs {@code ffmpeg -hide_banner -loglevel error -y ARGS}; fails with its stderr when it exits non-zero. */
    public static void run(String... args) throws IOException, InterruptedException {
        Path exe = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
        List<String> command = new ArrayList<>(List.of(exe.toString(), "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", exe.getParent().toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ffmpeg did not finish in 60 s: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IOException("ffmpeg exited " + p.exitValue() + ": " + command + "\n"
                    + new String(out, StandardCharsets.UTF_8));
        }
    }

    /** {@code ffmpeg} arguments for one second of a 440-Hz sine as input. */
    public static List<String> sine(double seconds) {
        return List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=" + seconds);
    }
}
