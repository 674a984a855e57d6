package io.genrelake.bench;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.catalogue.AudioExtensions;
import io.genrelake.catalogue.CatalogueFile;
import io.genrelake.catalogue.TrackExtractor;
import io.genrelake.catalogue.WindowPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * What reading tags adds to extraction: every audio file under a folder (the listing's extensions; default
 * ../shared/emotify, 400 tagged MP3s) through the extract job's own {@link TrackExtractor}, one thread, a warm-up
 * pass then measured passes; the extractor's timers split each pass into tag reading, decoding (with resampling) and
 * features.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp target/test-classes:target/classes:$(cat
 * target/test-classpath.txt) io.genrelake.bench.TagReadingShare [folder] [passes]} (default 2 measured passes).
 */
public final class TagReadingShare {

    private TagReadingShare() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/emotify");
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<CatalogueFile> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> AudioExtensions.isAudio(p.getFileName().toString())).sorted()
                    .map(TagReadingShare::file).toList();
        }
        System.out.printf(Locale.ROOT, "TagReadingShare: %d files under %s, one thread; per file, ms%n", files.size(),
                root);
        System.out.println("| pass | tags | decode + resample | features | tag share |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int pass = 0; pass <= passes; pass++) {
            TrackExtractor extractor = new TrackExtractor(new Configuration(), AudioDecoders.standard(),
                    WindowPlan.standard());
            for (CatalogueFile f : files) {
                extractor.extract(f);
            }
            double n = files.size();
            double tags = extractor.tagNanos() / 1e6 / n;
            double decode = extractor.decodeNanos() / 1e6 / n;
            double features = extractor.featureNanos() / 1e6 / n;
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.1f | %.1f | %.2f %% |%n", pass == 0 ? "warm-up" : pass,
                    tags, decode, features, 100 * tags / (tags + decode + features));
        }
    }

    private static CatalogueFile file(Path p) {
        try {
            return new CatalogueFile("file:" + p.toAbsolutePath(), p.getFileName().toString(), Files.size(p),
                    Files.getLastModifiedTime(p).toMillis(), null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
