package io.genrelake.jobs;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * A Hadoop {@link Configuration} that can be broadcast to executors (Configuration is Writable, not
 * Serializable), so tasks open files with the driver's settings: S3 endpoint, credentials provider, HDFS
 * name node. Spark's own wrapper is a developer API; this one is ten lines.
 */
final class SerializableHadoopConf implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private transient Configuration conf;

    SerializableHadoopConf(Configuration conf) {
        this.conf = conf;
    }

    Configuration get() {
        return conf;
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        conf.write(out);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        conf = new Configuration(false);
        conf.readFields(in);
    }
}
