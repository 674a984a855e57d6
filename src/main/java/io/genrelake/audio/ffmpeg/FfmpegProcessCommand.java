package io.genrelake.audio.ffmpeg;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Loader;

/** The command line that starts an FFmpeg process ({@link FfmpegProcess}): a child JVM of this one's. */
final class FfmpegProcessCommand {

    /** The process's heap: sample buffers and tag values; FFmpeg's own memory is native (capped per allocation). */
    static final String HEAP = "-Xmx256m";

    private FfmpegProcessCommand() {}

    /** The child JVM's command line: this JVM's java, a small heap, the class path that holds us and FFmpeg. */
    static List<String> build() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add(HEAP);
        command.add("-Xms16m"); // grows only as needed: an idle process should not hold a large young generation
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1"); // short-lived work, mostly native: C1 is enough and starts faster
        command.add("-XX:-UsePerfData");
        command.add("-XX:+DisplayVMOutputToStderr"); // a crash report must not corrupt the protocol on stdout
        command.add("-XX:-CreateCoredumpOnCrash");
        command.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "genrelake-ffmpeg-hs_err_pid%p.log"));
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("org.bytedeco.")) { // JavaCPP's cache directory and the like
                command.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        command.add("-cp");
        command.add(classPath());
        command.add(FfmpegProcessMain.class.getName());
        return command;
    }

    /**
     * Where this class, JavaCPP and the FFmpeg presets (classes and natives) come from: the job jar alone on a
     * cluster; target/classes and the Maven jars in a checkout. The executor's own class path is no guide: Spark
     * loads the job jar in a class loader of its own.
     */
    static String classPath() throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(FfmpegProcessMain.class, Loader.class, avutil.class)) {
            entries.add(location(c.getResource(c.getSimpleName() + ".class"), c.getName().replace('.', '/') + ".class"));
        }
        String platform = Loader.getPlatform();
        for (String natives : List.of("org/bytedeco/javacpp/" + platform + "/", "org/bytedeco/ffmpeg/" + platform + "/")) {
            URL url = FfmpegProcessCommand.class.getClassLoader().getResource(natives);
            if (url != null) {
                entries.add(location(url, natives));
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The jar or folder a resource was found in. */
    private static String location(URL url, String resource) throws IOException {
        if (url == null) {
            throw new IOException("cannot find " + resource + " to start the FFmpeg process with");
        }
        String text = url.toString();
        try {
            if (text.startsWith("jar:") && text.contains("!/")) {
                return Paths.get(new URL(text.substring(4, text.indexOf("!/"))).toURI()).toString();
            }
            if (text.startsWith("file:") && text.endsWith(resource)) {
                return Paths.get(new URL(text.substring(0, text.length() - resource.length())).toURI()).toString();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot start the FFmpeg process from " + text + ": " + e.getMessage(), e);
        }
        throw new IOException("cannot start the FFmpeg process from " + text + " (neither a jar nor a folder); set "
                + FfmpegIsolation.PROPERTY + "=none to run FFmpeg in this JVM");
    }
}
