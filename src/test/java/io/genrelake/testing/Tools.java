package io.genrelake.testing;

import java.io.IOException;

/** Whether a command-line tool some tests encode with (Debian's {@code lame}, {@code flac}, {@code ffmpeg}) is here. */
public final class Tools {

    private Tools() {}

    /** True when {@code command versionFlag} runs and exits 0. */
    public static boolean installed(String command, String versionFlag) {
        try {
            Process p = new ProcessBuilder(command, versionFlag).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
