package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-table replacement on a Hadoop file system (the local one here), without Spark. */
class TableCommitTest {

    @TempDir
    Path dir;

    private TableCommit stage(String... files) throws IOException {
        TableCommit commit = TableCommit.to(dir.resolve("table").toString(), new Configuration());
        Path staging = Path.of(commit.staging().toUri());
        Files.createDirectories(staging);
        for (String f : files) {
            Files.writeString(staging.resolve(f), f);
        }
        return commit;
    }

    private List<String> names(Path p) throws IOException {
        try (Stream<Path> s = Files.list(p)) {
            // Hadoop's local file system keeps a hidden .crc checksum beside each file it writes
            return s.map(x -> x.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void stagesBesideTheOutputAndMovesTheTableIntoPlace() throws IOException {
        TableCommit commit = stage("part-0.parquet");
        assertEquals(dir.resolve("table").toUri().getPath().replaceAll("/$", ""), commit.output().toUri().getPath());
        assertEquals(Path.of(commit.output().toUri()).getParent(), Path.of(commit.staging().toUri()).getParent());
        commit.writeFile("_summary.json", "{}\n");
        commit.complete();
        assertEquals(List.of("table"), names(dir));
        assertEquals(List.of("_summary.json", "part-0.parquet"), names(dir.resolve("table")));
    }

    @Test
    void aSecondRunReplacesTheFirstWholly() throws IOException {
        stage("part-0.parquet", "part-1.parquet").complete();
        stage("part-9.parquet").complete();
        assertEquals(List.of("table"), names(dir));
        assertEquals(List.of("part-9.parquet"), names(dir.resolve("table")));
    }

    @Test
    void anAbortedRunLeavesThePreviousTable() throws IOException {
        stage("part-0.parquet").complete();
        TableCommit failed = stage("part-5.parquet");
        failed.abort();
        assertEquals(List.of("table"), names(dir));
        assertEquals(List.of("part-0.parquet"), names(dir.resolve("table")));
    }

    @Test
    void aMissingStagedTableFailsTheCommitAndKeepsThePreviousOne() throws IOException {
        // (a staged table that disappears, e.g. deleted by a cleanup job while the run was counting it)
        stage("part-0.parquet").complete();
        TableCommit nothing = TableCommit.to(dir.resolve("table").toString(), new Configuration());
        assertThrows(IOException.class, nothing::complete);
        assertEquals(List.of("part-0.parquet"), names(dir.resolve("table")));
        assertFalse(names(dir).stream().anyMatch(n -> n.contains("replaced")));
        assertTrue(Files.isDirectory(dir.resolve("table")));
    }
}
