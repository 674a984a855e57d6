package io.genrelake.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.genrelake.audio.ffmpeg.SeekableInputStream;
import io.genrelake.features.CsvRecordReader;
import io.genrelake.ml.GenreTally;
import io.genrelake.ml.TagGenres;
import io.genrelake.testing.SharedData;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 400 real tagged MP3s of ../shared/emotify/: every file's artist, album and genre tag as labels.csv lists them
 * (Magnatune's own tags), and the default map's verdicts on them.
 */
class EmotifyTagsTest {

    @Test
    void everyFilesTagsAreReadAsTheDataSetListsThem() throws Exception {
        Path root = SharedData.require("emotify/labels.csv").getParent();
        List<List<String>> records = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(root.resolve("labels.csv"), StandardCharsets.UTF_8)) {
            CsvRecordReader csv = new CsvRecordReader(in, "labels.csv");
            csv.next(); // path,genre,artist,album,tag_genre
            for (List<String> r = csv.next(); r != null; r = csv.next()) {
                records.add(r);
            }
        }
        assertEquals(400, records.size());
        TagGenres map = TagGenres.defaults();
        GenreTally tally = new GenreTally(map);
        Map<String, Long> rockByDataSetGenre = new LinkedHashMap<>();
        for (List<String> r : records) {
            TrackTags tags;
            try (SeekableInputStream in = SeekableInputStream.open(root.resolve(r.get(0)))) {
                tags = TagReader.read(in);
            }
            assertEquals(r.get(2), tags.artist(), r.get(0));
            assertEquals(r.get(3), tags.album(), r.get(0));
            assertEquals(List.of(r.get(4)), tags.genres(), r.get(0));
            assertEquals(List.of(), tags.warnings(), r.get(0));
            tally.add(tags.genres(), 1);
            if ("rock".equals(map.judge(tags.genres()).genre())) {
                rockByDataSetGenre.merge(r.get(1), 1L, Long::sum);
            }
        }
        assertEquals(Map.of("rock", 182L, "electronic", 105L, "classical", 101L, "world", 12L), tally.verdicts());
        assertEquals(Map.of(), tally.unmapped(10));
        // The data set's "pop" is Magnatune's rock: 88 of its 100 pop tracks are tagged a kind of rock.
        assertEquals(Map.of("pop", 88L, "rock", 93L, "electronic", 1L), rockByDataSetGenre);
    }

    /** Every file is a plain MP3 read in this JVM ({@link Mp3Tags}), and reads as FFmpeg reads it. */
    @Test
    void everyFileReadsInThisJvmAsFfmpegReadsIt() throws Exception {
        Path root = SharedData.require("emotify/labels.csv").getParent();
        List<Path> files;
        try (var walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".mp3")).sorted().toList();
        }
        assertEquals(400, files.size());
        for (Path file : files) {
            try (SeekableInputStream in = SeekableInputStream.open(file)) {
                assertNotNull(Mp3Tags.read(in, Files.size(file)), file.toString());
                in.input().seek(0);
                TrackTags here = TagReader.read(in);
                in.input().seek(0);
                assertEquals(TagReader.readWithFfmpeg(in), here, file.toString());
            }
        }
    }
}
