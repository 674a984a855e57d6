package io.genrelake.genres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run's tables all or nothing, with a journal. A run first writes every table it produces
 * into staging folders; then {@link #publish} writes the journal (the list of staged folder → final
 * folder moves, in order), performs the moves, and deletes the journal. A run killed before the journal
 * is complete has published nothing (its staging folders are garbage); one killed after it has
 * published everything: the next run calls {@link #recover} first, which finishes the journal's moves.
 *
 * <p>Each move replaces its target as a whole (delete, then rename), and is safe to repeat: a move
 * whose staged folder is gone was done. Renames are atomic on HDFS and local disks; on S3 they are
 * copies, so a reader may briefly see a table missing, never a mix of two runs. Order the moves so the
 * state that says "this run is done" comes last.
 */
public final class Publication {

    private static final Logger LOG = LoggerFactory.getLogger(Publication.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One staged folder and where it goes. */
    public record Move(String staged, String target) {}

    private final Configuration conf;
    private final Path journal;

    /** @param journal the journal file; keep it beside the state that is published last */
    public Publication(Configuration conf, String journal) {
        this.conf = conf;
        this.journal = new Path(journal);
    }

    /**
     * Publishes the moves in order. {@code afterMove} hears the target of each finished move (tests stop
     * the run there to prove that a restart completes it).
     */
    public void publish(List<Move> moves, Consumer<String> afterMove) throws IOException {
        writeJournal(moves);
        perform(moves, afterMove);
        fs(journal).delete(journal, false);
    }

    /** Finishes a publication a killed run left in its journal; returns whether there was one. */
    public boolean recover() throws IOException {
        FileSystem fs = fs(journal);
        if (!fs.exists(journal)) {
            return false;
        }
        List<Move> moves = readJournal();
        LOG.warn("finishing the publication of an interrupted run: {} moves in {}", moves.size(), journal);
        perform(moves, target -> { });
        fs.delete(journal, false);
        return true;
    }

    private void perform(List<Move> moves, Consumer<String> afterMove) throws IOException {
        for (Move m : moves) {
            Path staged = new Path(m.staged());
            Path target = new Path(m.target());
            FileSystem fs = fs(staged);
            if (fs.exists(staged)) {
                if (fs.exists(target) && !fs.delete(target, true)) {
                    throw new IOException("cannot replace " + target);
                }
                Path parent = target.getParent();
                if (parent != null) {
                    fs.mkdirs(parent);
                }
                if (!fs.rename(staged, target)) {
                    throw new IOException("cannot move " + staged + " to " + target);
                }
            } else if (!fs.exists(target)) {
                throw new IOException("neither the staged table " + staged + " nor its target " + target + " exists");
            }
            afterMove.accept(m.target());
        }
    }

    private void writeJournal(List<Move> moves) throws IOException {
        List<Map<String, String>> list = new ArrayList<>();
        for (Move m : moves) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("staged", m.staged());
            e.put("target", m.target());
            list.add(e);
        }
        // Written beside, then renamed: a journal is either whole or absent.
        Path partial = new Path(journal.getParent(), journal.getName() + ".partial");
        FileSystem fs = fs(journal);
        try (OutputStream out = fs.create(partial, true)) {
            out.write(JSON.writeValueAsString(Map.of("moves", list)).getBytes(StandardCharsets.UTF_8));
        }
        fs.delete(journal, false);
        if (!fs.rename(partial, journal)) {
            throw new IOException("cannot write the publication journal " + journal);
        }
    }

    private List<Move> readJournal() throws IOException {
        try (InputStream in = fs(journal).open(journal)) {
            JsonNode root = JSON.readTree(in);
            List<Move> moves = new ArrayList<>();
            for (JsonNode m : root.path("moves")) {
                moves.add(new Move(m.path("staged").asText(), m.path("target").asText()));
            }
            return moves;
        } catch (JsonProcessingException e) {
            throw new IOException("corrupt publication journal " + journal + ": " + e.getOriginalMessage(), e);
        }
    }

    private FileSystem fs(Path p) throws IOException {
        return p.getFileSystem(conf);
    }
}
