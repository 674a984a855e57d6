/**
 * Compressed audio through FFmpeg (JavaCPP presets): MP3, AAC/M4A, FLAC, Ogg Vorbis, Opus and
 * whatever else FFmpeg's demuxers recognise, decoded from a Java {@link java.io.InputStream} (bytes
 * from HDFS or S3 never touch a local path) into the same mono float contract as the pure-Java
 * decoders. {@link io.genrelake.audio.ffmpeg.FfmpegDecoder} joins the registry after WAV/AU/AIFF
 * (see {@link io.genrelake.audio.AudioDecoders#standard()}).
 *
 * <p>Seeking: most formats decode from a one-way stream. MP4/M4A files whose index (the moov atom)
 * follows the audio need to seek back; pass a {@link io.genrelake.audio.ffmpeg.SeekableInputStream}
 * (local files: {@link io.genrelake.audio.ffmpeg.SeekableInputStream#open}; HDFS/S3: wrap the
 * FSDataInputStream in a {@link io.genrelake.audio.ffmpeg.SeekableInput}). From a plain stream such
 * files fail with a clear {@link io.genrelake.audio.AudioFormatException}.
 *
 * <p>The natives (linux-x86_64 only, from Maven Central) load on the first FFmpeg-decoded file, so
 * WAV-only runs never pay for them.
 */
package io.genrelake.audio.ffmpeg;
