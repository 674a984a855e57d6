/**
 * Audio input: pure-Java decoding of uncompressed WAV, AU and AIFF/AIFC with the sample scaling
 * of libsndfile (what soundfile, hence librosa, reads), mixing to mono as librosa.to_mono does,
 * and a band-limited {@link io.genrelake.audio.Resampler} to 22050 Hz. Entry points:
 * {@link io.genrelake.audio.AudioLoader} (whole files), {@link io.genrelake.audio.MonoAudioSource}
 * (streaming) and the {@link io.genrelake.audio.AudioDecoders} registry (which later decoders join).
 * Knows nothing of features and never imports Spark.
 */
package io.genrelake.audio;
