package io.genrelake.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * HDFS in this JVM: Hadoop's MiniDFSCluster, a NameNode and one DataNode on free ports of this host, its blocks under
 * a folder of the test's. Shared by the tests that read and write {@code hdfs://} (the URI is {@code getURI()}); the
 * caller shuts it down.
 */
public final class InProcessHdfs {

    private InProcessHdfs() {}

    /** Starts the cluster with its storage under {@code folder} and waits until it takes requests. */
    public static MiniDFSCluster start(Path folder) throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, folder.toString());
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            hdfs.waitActive();
        } catch (IOException | RuntimeException e) {
            hdfs.shutdown();
            throw e;
        }
        return hdfs;
    }
}
