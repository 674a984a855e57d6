/**
 * The extract benchmark behind {@code genrelake bench-extract}: builds a corpus of GTZAN-like clips from
 * the shared reference clips (copies, and MP3 re-encodings when ffmpeg is installed), runs the extract job
 * over it and reports clips per minute, the decoding share of task time and the peak heap for one long file.
 */
package io.genrelake.jobs.bench;
