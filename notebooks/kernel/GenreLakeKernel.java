import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts rapaio-jupyter-kernel 3.0.1 (the newest release) as its own {@code MainApp} does, with three differences.
 * Run in Java's source-file mode, with the kernel jar on the class path: {@code java -cp rapaio-jupyter-kernel.jar
 * GenreLakeKernel.java CONNECTION_FILE} (the kernel spec that NotebooksTest writes does exactly that).
 *
 * <ul>
 *   <li>It leaves java.util.logging alone. MainApp sets every logger to FINEST, and Spark's code generator
 *       (Janino) then fails while formatting its trace messages: every Spark query dies with
 *       "StringIndexOutOfBoundsException" inside {@code IClass.toString}.</li>
 *   <li>It gives the channels an empty handler table before they start listening. MainApp's
 *       {@code Channels.connect} starts the shell socket first and only then creates the table, so a
 *       request arriving in between (Jupyter sends {@code kernel_info_request} at once) kills the shell
 *       thread with a NullPointerException and the kernel never answers. With an empty table that early
 *       request is just ignored, and Jupyter repeats it every second until the kernel is ready.</li>
 *   <li>It restarts any channel loop that ended at once. {@code LoopThread.start} starts the thread and only then
 *       sets its {@code running} flag, so a thread that checks the flag first ends before its first turn. Measured
 *       on an idle 2-core machine: 8 starts in 40 failed. A shell loop that ended leaves Jupyter waiting ("Kernel
 *       didn't respond in 60 seconds"); when the heartbeat, shell and control loops all end, nothing keeps the JVM
 *       alive and it exits without a word ("Kernel died before replying to kernel_info").</li>
 * </ul>
 */
public final class GenreLakeKernel {
    public static void main(String[] args) throws Exception {
        String connection = Files.readString(Path.of(args[0]));
        ConnectionProperties properties = Transform.fromJson(connection, ConnectionProperties.class);
        RapaioKernel kernel = MainApp.kernel; // the instance display() and friends talk to
        Channels channels = new Channels(properties);
        field(Channels.class, "handlers").set(channels, new HashMap<>());
        channels.connect(kernel);
        for (String name : List.of("heartbeat", "shell", "control")) {
            restartIfEnded(field(Channels.class, name).get(channels));
        }
        channels.joinUntilClose();
    }

    /**
     * Waits until the channel's loop has either ended (it lost the start race: start it again, its flag set
     * first) or reached the sleep between its turns (it runs). A loop that lost never sleeps, so the two cannot be
     * confused; one that shows neither in 10 s is left alone.
     */
    private static void restartIfEnded(Object channel) throws ReflectiveOperationException, InterruptedException {
        Field loopField = field(channel.getClass(), "loopThread");
        LoopThread loop = (LoopThread) loopField.get(channel);
        for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; Thread.sleep(5)) {
            Thread.State state = loop.getState();
            if (state == Thread.State.TIMED_WAITING) {
                return;
            }
            if (state == Thread.State.TERMINATED) {
                LoopThread again = new LoopThread(loop.getName(), (long) field(LoopThread.class, "sleep").get(loop),
                        (Runnable) field(LoopThread.class, "loopBody").get(loop));
                field(LoopThread.class, "running").set(again, true);
                loopField.set(channel, again); // close() and joinUntilClose() read this field
                again.start();
                System.err.println("GenreLakeKernel: the " + loop.getName() + " loop ended before its first turn;"
                        + " started it again");
                return;
            }
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
