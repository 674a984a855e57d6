package io.genrelake.jobs;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Collects what log4j2 (Spark's logging, under slf4j) logs at INFO and above while it is open. */
public final class LogCapture implements AutoCloseable {

    private final StringWriter text = new StringWriter();
    private final WriterAppender appender;
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final Level rootLevel;

    public LogCapture() {
        appender = WriterAppender.newBuilder().setName("test-capture-" + System.nanoTime()).setTarget(text)
                .setLayout(PatternLayout.newBuilder().withPattern("%c{1}: %m%n").build()).build();
        appender.start();
        Configuration config = context.getConfiguration();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, Level.INFO, null);
        // Without Spark's logging set up (plain unit tests), log4j's default root level is ERROR.
        rootLevel = config.getRootLogger().getLevel();
        if (rootLevel.isMoreSpecificThan(Level.WARN)) {
            config.getRootLogger().setLevel(Level.INFO);
        }
        context.updateLoggers();
    }

    public String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        config.getRootLogger().removeAppender(appender.getName());
        config.getRootLogger().setLevel(rootLevel);
        context.updateLoggers();
        appender.stop();
    }
}
