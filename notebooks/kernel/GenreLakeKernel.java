import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts rapaio-jupyter-kernel 3.0.1 as its own {@code MainApp} does, with two differences. Run in Java's
 * source-file mode, with the kernel jar on the class path: {@code java -cp rapaio-jupyter-kernel.jar
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
 * </ul>
 */
public final class GenreLakeKernel {
    public static void main(String[] args) throws Exception {
        String connection = Files.readString(Path.of(args[0]));
        ConnectionProperties properties = Transform.fromJson(connection, ConnectionProperties.class);
        RapaioKernel kernel = MainApp.kernel; // the instance display() and friends talk to
        Channels channels = new Channels(properties);
        Field handlers = Channels.class.getDeclaredField("handlers");
        handlers.setAccessible(true);
        handlers.set(channels, new HashMap<>());
        channels.connect(kernel);
        channels.joinUntilClose();
    }
}
