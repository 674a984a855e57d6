package io.genrelake.audio.ffmpeg;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * The AVERROR codes the decoder branches on. FFmpeg builds most of them from errno values, which
 * differ between C libraries, so they are read from the natives rather than written as literals.
 * Touch only after {@link FfmpegLibrary#load()}.
 */
final class AvErrors {

    static final int EOF = avutil.AVERROR_EOF;
    static final int INVALIDDATA = avutil.AVERROR_INVALIDDATA;
    static final int EAGAIN = org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN();
    static final int EIO = org.bytedeco.ffmpeg.presets.avutil.AVERROR_EIO();
    static final int ENOSYS = org.bytedeco.ffmpeg.presets.avutil.AVERROR_ENOSYS();
    static final int ESPIPE = org.bytedeco.ffmpeg.presets.avutil.AVERROR_ESPIPE();
    static final int EINVAL = org.bytedeco.ffmpeg.presets.avutil.AVERROR_EINVAL();

    private AvErrors() {}
}
