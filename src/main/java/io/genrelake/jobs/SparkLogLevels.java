package io.genrelake.jobs;

import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * Logging for interactive runs: Spark, Hadoop and Parquet log every task at INFO, which would bury the
 * job's own progress lines (one per partition, at INFO). Cluster runs (spark-submit) keep whatever log4j2
 * configuration the cluster has; so does a user who gives one ({@code -Dlog4j2.configurationFile}).
 */
public final class SparkLogLevels {

    private static final String PATTERN = "%d{HH:mm:ss} %p %c{1}: %m%n%ex";

    /**
     * Warnings every run prints and no user can act on, kept to errors: Hadoop's "Unable to load native-hadoop
     * library" (its Java code is what runs everywhere we do) and Spark's "Truncated the string representation of a
     * plan" (a 300-column feature table's plan in a debug string). conf/log4j2.properties lists the same two.
     */
    static final Map<String, Level> HARMLESS_WARNINGS = Map.of(
            "org.apache.hadoop.util.NativeCodeLoader", Level.ERROR,
            "org.apache.spark.util.SparkStringUtils", Level.ERROR);

    /**
     * Warnings kept out by their message, the logger's other warnings let through: Spark's "Broadcasting large task
     * binary with size …" for every task of a job whose closure holds a fitted model (a random forest's trees, the
     * ensemble's members) — dozens of lines per {@code train} that change nothing anyone can do; and Delta Kernel's
     * "Cannot find a complete checkpoint" whenever {@code show} reads a table of fewer than ten commits (Delta writes
     * its first checkpoint at the tenth). conf/log4j2.properties filters the same.
     */
    static final Map<String, String> HARMLESS_MESSAGES = Map.of(
            "org.apache.spark.scheduler.DAGScheduler", "Broadcasting large task binary.*",
            "io.delta.kernel.internal.snapshot.SnapshotManager", "Cannot find a complete checkpoint.*");

    private SparkLogLevels() {}

    /**
     * Before a command starts Spark: when log4j2 has no configuration of its own, installs one that
     * logs genrelake at INFO and everything else at WARN to stderr (Spark then keeps it instead of its
     * INFO defaults); otherwise the same as {@link #quietSpark}.
     */
    public static void forCommandLine() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        if (!(context.getConfiguration() instanceof DefaultConfiguration)) {
            quietSpark();
            return;
        }
        Configurator.reconfigure(commandLineConfiguration());
    }

    /** The configuration {@link #forCommandLine} installs. */
    static BuiltConfiguration commandLineConfiguration() {
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.add(b.newAppender("stderr", "Console").addAttribute("target", ConsoleAppender.Target.SYSTEM_ERR)
                .add(b.newLayout("PatternLayout").addAttribute("pattern", PATTERN)));
        b.add(b.newRootLogger(Level.WARN).add(b.newAppenderRef("stderr")));
        b.add(b.newLogger("io.genrelake", Level.INFO));
        HARMLESS_WARNINGS.forEach((name, level) -> b.add(b.newLogger(name, level)));
        HARMLESS_MESSAGES.forEach((name, regex) -> b.add(b.newLogger(name, Level.WARN).add(
                b.newFilter("RegexFilter", Filter.Result.DENY, Filter.Result.NEUTRAL).addAttribute("regex", regex))));
        return b.build();
    }

    /**
     * Spark, Hadoop, Parquet, their shaded libraries and breeze (whose L-BFGS logs every step at INFO) at WARN,
     * the {@linkplain #HARMLESS_WARNINGS harmless warnings} at ERROR; genrelake's own loggers untouched.
     */
    public static void quietSpark() {
        Configurator.setLevel(Map.of(
                "org.apache.spark", Level.WARN,
                "org.sparkproject", Level.WARN,
                "org.apache.hadoop", Level.WARN,
                "org.apache.parquet", Level.WARN,
                "breeze", Level.WARN));
        Configurator.setLevel(HARMLESS_WARNINGS);
    }
}
