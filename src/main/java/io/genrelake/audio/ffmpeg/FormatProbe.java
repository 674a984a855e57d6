package io.genrelake.audio.ffmpeg;

import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVProbeData;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.BytePointer;

/**
 * Asks FFmpeg's demuxers whether they recognise a file's first bytes: the fallback that lets any
 * container FFmpeg reads (Matroska/WebM, ASF/WMA, CAF, APE, WavPack, AMR, AC-3 ...) reach the
 * FFmpeg decoder without being listed here. Loads the natives on first use.
 */
final class FormatProbe {

    private FormatProbe() {}

    /**
     * True when some demuxer scores the bytes above AVPROBE_SCORE_RETRY, the confidence FFmpeg
     * itself wants before trusting a partial buffer; weaker guesses (raw formats that accept any
     * bytes) would route arbitrary junk to FFmpeg and blur "unsupported format" reports.
     */
    static boolean recognises(byte[] header, int length) {
        if (length <= 0 || !FfmpegLibrary.available()) {
            return false;
        }
        try (BytePointer buffer = new BytePointer((long) length + avformat.AVPROBE_PADDING_SIZE);
                BytePointer noName = new BytePointer("");
                AVProbeData probe = new AVProbeData()) {
            buffer.zero(); // FFmpeg requires the padding to be zeros
            buffer.put(header, 0, length);
            probe.buf(buffer).buf_size(length).filename(noName).mime_type(null);
            int[] score = new int[1];
            AVInputFormat format = avformat.av_probe_input_format3(probe, 1, score);
            return format != null && !format.isNull() && score[0] > avformat.AVPROBE_SCORE_RETRY;
        }
    }
}
