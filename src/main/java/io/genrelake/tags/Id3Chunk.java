package io.genrelake.tags;

import io.genrelake.audio.Bytes;
import io.genrelake.audio.ffmpeg.SeekableInputStream;
import java.io.IOException;

/**
 * Where a WAV or AIFF file keeps an ID3v2 tag: in a chunk of its own ({@code "id3 "} in RIFF/WAVE, {@code "ID3 "}
 * in FORM/AIFF or AIFC), after the format chunk and often after the audio. Found by walking the chunk headers
 * (8 bytes each, skipping every body by seeking), so that {@link Id3v2Frames} reads every genre value there as it
 * does at the start of an MP3; FFmpeg keeps only the first. A broken chunk list ends the walk: no tag, no error.
 */
record Id3Chunk(long offset, long size) {

    /** Chunk headers looked at before giving up: a real file has a handful. */
    private static final int MAX_CHUNKS = 256;

    /** The ID3 chunk of the RIFF or FORM file {@code in} holds, or null; {@code in}'s position is left anywhere. */
    static Id3Chunk locate(SeekableInputStream in, long length) throws IOException {
        in.input().seek(0);
        byte[] head = in.readNBytes(12);
        if (head.length < 12) {
            return null;
        }
        String form = Bytes.fourCC(head, 0);
        String type = Bytes.fourCC(head, 8);
        boolean riff = form.equals("RIFF") && type.equals("WAVE");
        boolean aiff = form.equals("FORM") && (type.equals("AIFF") || type.equals("AIFC"));
        if (!riff && !aiff) {
            return null;
        }
        String wanted = riff ? "id3 " : "ID3 ";
        long position = 12;
        for (int i = 0; i < MAX_CHUNKS && position + 8 <= length; i++) {
            ChunkHeader chunk = ChunkHeader.read(in, position, !riff);
            if (chunk == null) {
                return null;
            }
            if (chunk.end() > length) {
                return null; // a size beyond the file: the chunk list is broken from here on
            }
            if (chunk.id().equalsIgnoreCase(wanted)) {
                return new Id3Chunk(chunk.body(), chunk.size());
            }
            position = chunk.end() + (chunk.size() & 1); // chunks are padded to an even length (RIFF and IFF alike)
        }
        return null;
    }

    /**
     * The chunk's tag, where FFmpeg's id3v2.c reads it as {@link Id3v2Frames} does (for {@link WavTags} and
     * {@link AiffTags}, when the file has no other tags); null where it reads it otherwise: another tag right after
     * this one, which it reads into the same dictionary, or a tag that is not {@link Id3v2Frames#readAsFfmpeg}.
     */
    Id3v2Frames readAsFfmpeg(SeekableInputStream in, long length) throws IOException {
        if (anotherTagFollows(in, length)) {
            return null;
        }
        in.input().seek(offset);
        Id3v2Frames id3 = Id3v2Frames.read(in, size);
        return id3.readAsFfmpeg() ? id3 : null;
    }

    /**
     * Whether another ID3v2 tag starts right after the one at this chunk's start (as FFmpeg's ff_id3v2_match would
     * find it), or the chunk holds no whole tag header.
     */
    private boolean anotherTagFollows(SeekableInputStream in, long length) throws IOException {
        in.input().seek(offset);
        byte[] h = in.readNBytes(10);
        if (h.length < 10) {
            return true;
        }
        boolean footer = h[3] == 4 && (h[5] & 0x10) != 0;
        long next = offset + 10 + Id3v2Frames.syncsafe(h, 6) + (footer ? 10 : 0);
        if (next + 10 > length) {
            return false;
        }
        in.input().seek(next);
        byte[] n = in.readNBytes(10);
        return n.length == 10 && n[0] == 'I' && n[1] == 'D' && n[2] == '3' && n[3] != (byte) 0xFF
                && n[4] != (byte) 0xFF && (n[6] | n[7] | n[8] | n[9]) >= 0;
    }
}
