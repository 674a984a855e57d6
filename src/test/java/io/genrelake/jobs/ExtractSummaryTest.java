package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genrelake.catalogue.Listing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractSummaryTest {

    private static ExtractSummary summary() {
        Map<String, Long> errors = new LinkedHashMap<>();
        errors.put("truncated", 3L);
        errors.put("unsupported format", 1L);
        TableCounts counts = new TableCounts(2000, 990, 4, 0, 990 * 30.0 + 600, errors);
        return new ExtractSummary("s3a://b/features", "2026-01-01T00:00:00Z", 120.0, "0.1.0", 30, 10, 16, 994, 7,
                List.of(new Listing.Problem("hdfs://nn/missing", "not found")), counts,
                new TaskTimes(30.0, 90.0, 1.2, 3, 1.8, 2), TagCounts.NONE);
    }

    @Test
    void derivesHoursClipsPerMinuteAndTheDecodingShare() {
        ExtractSummary s = summary();
        assertEquals((990 * 30.0 + 600) / 3600, s.hoursOfAudio(), 1e-12);
        assertEquals(1000.0, s.clipsPerMinute(), 1e-9); // 2000 windows in 2 minutes
        assertEquals(0.25, s.decodeShare(), 1e-12);
        assertEquals(1.2 / 121.2, s.tagShare(), 1e-12); // the FFmpeg starts' 1.8 s are not tag time
    }

    @Test
    void jsonHasEveryFieldForSchedulers() throws Exception {
        JsonNode json = new ObjectMapper().readTree(summary().toJson());
        assertEquals("s3a://b/features", json.get("output").asText());
        assertEquals(994, json.get("files_listed").asLong());
        assertEquals(990, json.get("files_ok").asLong());
        assertEquals(4, json.get("files_error").asLong());
        assertEquals(7, json.get("files_skipped").asLong());
        assertEquals(2000, json.get("windows_ok").asLong());
        assertEquals(8.4167, json.get("hours_of_audio").asDouble(), 1e-9);
        assertEquals(1000.0, json.get("clips_per_minute").asDouble());
        assertEquals(120.0, json.get("wall_seconds").asDouble());
        assertEquals(3, json.get("errors_by_reason").get("truncated").asInt());
        assertEquals("not found", json.get("input_problems").get(0).get("reason").asText());
        assertEquals(0.25, json.get("decode_share").asDouble());
        assertEquals("0.1.0", json.get("extractor_version").asText());
        assertEquals(2, json.get("decoder_fallbacks").asLong());
        assertEquals(1.2, json.get("tag_seconds").asDouble());
        assertEquals(3, json.get("ffmpeg_starts").asLong());
        assertEquals(1.8, json.get("ffmpeg_start_seconds").asDouble());
    }

    @Test
    void textNamesTheCountsAndReasons() {
        String text = summary().toText();
        for (String expected : new String[] {"994 files listed, 990 ok, 4 with errors, 7 skipped",
                "2000 windows of 30 s (8.42 hours of audio)", "error truncated", "hdfs://nn/missing: not found",
                "1000.0 clips per minute", "decoding 25% of task time", "s3a://b/features",
                "2 files decoded again by FFmpeg after a decoder bug", "starting FFmpeg: 1.8 s in 3 task threads"}) {
            assertTrue(text.contains(expected), "lacks '" + expected + "':\n" + text);
        }
    }
}
