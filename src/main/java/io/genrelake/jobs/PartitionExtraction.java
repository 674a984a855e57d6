package io.genrelake.jobs;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.catalogue.CatalogueFile;
import io.genrelake.catalogue.ErrorReason;
import io.genrelake.catalogue.FeatureTable;
import io.genrelake.catalogue.RunStamp;
import io.genrelake.catalogue.TrackExtractor;
import io.genrelake.catalogue.TrackResult;
import io.genrelake.catalogue.WindowPlan;
import java.io.Serial;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of one partition: its files, one after the other, through one {@link TrackExtractor} (one
 * feature extractor per task, reused). Rows are produced lazily, file by file, so a partition of
 * thousands of files never holds more than one file's rows. Logs one line when the partition is done. A file that
 * fails with an I/O error fails the task attempt, unless it is the last ({@link TaskAttempts}): Spark then runs the
 * partition again, and the file gets its {@code I/O error} row only when the error outlasts the retries.
 */
final class PartitionExtraction implements FlatMapFunction<Iterator<CatalogueFile>, Row> {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PartitionExtraction.class);

    private final Broadcast<SerializableHadoopConf> hadoopConf;
    private final WindowPlan plan;
    private final RunStamp run;
    private final boolean neuralInputs;
    private final ExtractionTimers timers;
    private final int maxAttempts;

    /**
     * With {@code neuralInputs}, each row also carries its window's neural inputs. maxAttempts: {@link TaskAttempts#max}
     * of the job's SparkContext.
     */
    PartitionExtraction(Broadcast<SerializableHadoopConf> hadoopConf, WindowPlan plan, RunStamp run,
            ExtractionTimers timers, boolean neuralInputs, int maxAttempts) {
        this.neuralInputs = neuralInputs;
        this.hadoopConf = hadoopConf;
        this.plan = plan;
        this.run = run;
        this.timers = timers;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public Iterator<Row> call(Iterator<CatalogueFile> files) {
        TrackExtractor extractor = new TrackExtractor(hadoopConf.value().get(), AudioDecoders.standard(), plan,
                run.featureSet(), neuralInputs);
        TaskContext task = TaskContext.get();
        return new Rows(task == null ? -1 : task.partitionId(), files, extractor);
    }

    /** The rows of the partition's files, extracted as they are asked for. */
    private final class Rows implements Iterator<Row> {
        private final int partition;
        private final Iterator<CatalogueFile> files;
        private final TrackExtractor extractor;
        private final ArrayDeque<Row> pending = new ArrayDeque<>();
        private final long startNanos = System.nanoTime();
        private int fileCount;
        private int windows;
        private int errors;
        private boolean finished;

        Rows(int partition, Iterator<CatalogueFile> files, TrackExtractor extractor) {
            this.partition = partition;
            this.files = files;
            this.extractor = extractor;
        }

        @Override
        public boolean hasNext() {
            while (pending.isEmpty() && files.hasNext()) {
                TrackResult result = extractor.extract(files.next());
                if (!result.ok() && ErrorReason.IO_ERROR.equals(ErrorReason.kindOf(result.error()))
                        && !TaskAttempts.isLastAttempt(maxAttempts)) {
                    // likely transient (a storage hiccup): fail the task so that Spark tries it again
                    throw new IllegalStateException(result.file().path() + ": " + result.error()
                            + " (failing this task attempt so that Spark retries it)");
                }
                fileCount++;
                if (result.ok()) {
                    windows += result.windows().size();
                } else {
                    errors++;
                    LOG.info("{}: {}", result.file().path(), result.error());
                }
                pending.addAll(neuralInputs ? FeatureTable.rowsWithNeuralInputs(result, run)
                        : FeatureTable.rows(result, run));
            }
            if (pending.isEmpty() && !finished) {
                finished = true;
                done();
            }
            return !pending.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return pending.poll();
        }

        private void done() {
            timers.add(extractor);
            LOG.info(String.format(Locale.ROOT,
                    "extract partition %d: %d files, %d windows, %d errors, %d decoder fallbacks, %.1f s (decode %.1f s, "
                    + "features %.1f s, tags %.2f s%s)", partition, fileCount, windows, errors, extractor.fallbacks(),
                    (System.nanoTime() - startNanos) / 1e9, extractor.decodeNanos() / 1e9, extractor.featureNanos() / 1e9,
                    extractor.tagNanos() / 1e9, extractor.ffmpegStarts() == 0 ? ""
                            : String.format(Locale.ROOT, ", starting FFmpeg %.2f s",
                                    extractor.ffmpegStartNanos() / 1e9)));
        }
    }
}
