package io.genrelake.catalogue;

/**
 * What a file's header says about its audio, before mixing and resampling.
 *
 * @param codec        ffmpeg-style codec name (pcm_s16le, mp3, ...)
 * @param sampleRateIn the file's sample rate
 * @param channelsIn   the file's channel count
 * @param decoder      the {@linkplain io.genrelake.audio.AudioDecoder#name decoder} that read it (java-mp3, ffmpeg,
 *                     wav, …)
 */
public record AudioInfo(String codec, int sampleRateIn, int channelsIn, String decoder) {}
