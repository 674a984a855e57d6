package io.genrelake.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The registry: choice by content, extension by later decoders, stream ownership, sniffing. */
class AudioDecodersTest {

    private static final byte[] WAV = WavFileBuilder.pcm(16, 1, 22050).data(SampleBytes.s16(false, 16384)).build();
    private static final byte[] AU = new AuFileBuilder(3).data(SampleBytes.s16(true, -16384)).build();
    private static final byte[] AIFF = AiffFileBuilder.aiff(16, 1, 22050).data(SampleBytes.s16(true, 8192), 1).build();

    @Test
    void builtInDecodersInOrder() {
        assertEquals(List.of("wav", "au", "aiff"),
                AudioDecoders.builtIn().decoders().stream().map(AudioDecoder::name).toList());
    }

    @Test
    void choosesByContentNotByName() throws IOException {
        assertEquals(0.5f, first(AudioDecoders.builtIn().open(new ByteArrayInputStream(WAV), "song.au")));
        assertEquals(-0.5f, first(AudioDecoders.builtIn().open(new ByteArrayInputStream(AU), "song.wav")));
        assertEquals(0.25f, first(AudioDecoders.builtIn().open(new ByteArrayInputStream(AIFF), "song.mp3")));
    }

    /** A header's rate of 10⁸ Hz once reached the resampler, whose filter for it does not fit in 256 MB (fuzzing). */
    @Test
    void refusesSampleRatesTheResamplerCannotTake() throws IOException {
        for (long rate : new long[] {1, 999, 768_001, 100_000_000, Integer.MAX_VALUE}) {
            byte[] wav = WavFileBuilder.pcm(16, 1, 22050).sampleRate(rate).data(SampleBytes.s16(false, 1)).build();
            UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class,
                    () -> AudioDecoders.builtIn().open(new ByteArrayInputStream(wav), "odd.wav"));
            assertEquals("unsupported sample rate: " + rate + " Hz (genrelake reads 1000 to 768000 Hz)", e.getMessage());
            assertEquals("odd.wav", e.source());
        }
        for (int rate : new int[] {AudioDecoders.MIN_SAMPLE_RATE, 8000, AudioDecoders.MAX_SAMPLE_RATE}) {
            byte[] wav = WavFileBuilder.pcm(16, 1, rate).data(SampleBytes.s16(false, 16384)).build();
            assertEquals(0.5f, first(AudioDecoders.builtIn().open(new ByteArrayInputStream(wav), "edge.wav")));
        }
    }

    @Test
    void sniffersRecogniseOnlyTheirOwnMagic() {
        AudioDecoder wav = new WavDecoder();
        AudioDecoder au = new AuDecoder();
        AudioDecoder aiff = new AiffDecoder();
        assertTrue(wav.sniff(WAV, 12));
        assertFalse(wav.sniff(WAV, 11), "needs RIFF....WAVE");
        assertFalse(wav.sniff(AU, AU.length));
        assertTrue(au.sniff(AU, 4));
        assertFalse(au.sniff(AIFF, AIFF.length));
        assertTrue(aiff.sniff(AIFF, 12));
        assertFalse(aiff.sniff(WAV, WAV.length));
        byte[] aifc = AiffFileBuilder.aifc("sowt", 16, 1, 22050).build();
        assertTrue(aiff.sniff(aifc, aifc.length));
    }

    @Test
    void laterDecodersAreTriedAfterTheBuiltIns() throws IOException {
        AudioDecoder fake = new FakeDecoder();
        AudioDecoders extended = AudioDecoders.builtIn().with(fake);
        assertEquals(List.of("wav", "au", "aiff", "fake"), extended.decoders().stream().map(AudioDecoder::name).toList());
        assertEquals(3, AudioDecoders.builtIn().decoders().size(), "builtIn() is not changed by with()");

        AudioStream s = extended.open(new ByteArrayInputStream("FAKE and more".getBytes()), "x.fake");
        assertEquals("fake", s.codec());
        assertEquals(0.5f, first(extended.open(new ByteArrayInputStream(WAV), "x.wav")), "built-ins still win");

        UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class,
                () -> extended.open(new ByteArrayInputStream(new byte[] {9, 9}), "x"));
        assertEquals("unsupported format: not WAV, AU, AIFF or FAKE (starts with 0x09 0x09)", e.getMessage());
    }

    @Test
    void streamsWithoutMarkSupportAreBuffered() throws IOException {
        InputStream noMark = new FilterInputStream(new ByteArrayInputStream(WAV)) {
            @Override
            public boolean markSupported() {
                return false;
            }
        };
        assertEquals(0.5f, first(AudioDecoders.builtIn().open(noMark, "nomark.wav")));
    }

    @Test
    void sniffSeesAtMost64BytesAndTheStreamStartsAtByteZero() throws IOException {
        AtomicInteger seen = new AtomicInteger();
        AudioDecoder probe = new FakeDecoder() {
            @Override
            public boolean sniff(byte[] header, int length) {
                seen.set(length);
                return true;
            }
        };
        byte[] big = new byte[1000];
        big[0] = 'Z';
        AudioStream s = AudioDecoders.builtIn().with(probe).open(new ByteArrayInputStream(big), "big");
        assertEquals(64, seen.get());
        assertEquals(1000, s.frameCount(), "the decoder reads the stream from its first byte");
    }

    @Test
    void closingTheStreamClosesTheInput() throws IOException {
        AtomicInteger closed = new AtomicInteger();
        InputStream in = new ByteArrayInputStream(WAV) {
            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
        AudioDecoders.builtIn().open(in, "x.wav").close();
        assertEquals(1, closed.get());
    }

    @Test
    void openedStreamsReportTheirFormat() throws IOException {
        try (AudioStream s = AudioDecoders.builtIn().open(new ByteArrayInputStream(WAV), "x.wav")) {
            assertEquals(22050, s.sampleRate());
            assertEquals(1, s.channels());
            assertEquals("pcm_s16le", s.codec());
            assertEquals(1, s.frameCount());
            float[] buf = new float[4];
            assertEquals(0, s.readMono(buf, 0, 0));
            assertEquals(1, s.readMono(buf, 2, 2));
            assertArrayEquals(new float[] {0, 0, 0.5f, 0}, buf);
            assertEquals(-1, s.readMono(buf, 0, 4));
            assertEquals(-1, s.readMono(buf, 0, 4));
        }
    }

    private static float first(AudioStream s) throws IOException {
        try (s) {
            float[] one = new float[1];
            assertEquals(1, s.readMono(one, 0, 1));
            return one[0];
        }
    }

    /** Accepts files starting "FAKE"; its stream has one frame per byte and never reads. */
    private static class FakeDecoder implements AudioDecoder {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public boolean sniff(byte[] header, int length) {
            return length >= 4 && header[0] == 'F' && header[1] == 'A' && header[2] == 'K' && header[3] == 'E';
        }

        @Override
        public AudioStream open(InputStream in) throws IOException {
            long frames = in.readAllBytes().length;
            return new AudioStream() {
                @Override
                public int sampleRate() {
                    return 8000;
                }

                @Override
                public int channels() {
                    return 1;
                }

                @Override
                public String codec() {
                    return "fake";
                }

                @Override
                public long frameCount() {
                    return frames;
                }

                @Override
                public int readMono(float[] dst, int offset, int maxFrames) {
                    return -1;
                }

                @Override
                public void close() {}
            };
        }
    }

    @Test
    void sameRegistryInstanceForBuiltIn() {
        assertSame(AudioDecoders.builtIn(), AudioDecoders.builtIn());
    }
}
