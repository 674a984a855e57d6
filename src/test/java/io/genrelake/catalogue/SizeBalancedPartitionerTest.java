package io.genrelake.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SizeBalancedPartitionerTest {

    private static CatalogueFile file(String name, long size) {
        return new CatalogueFile("file:/m/" + name, name, size, 0, null);
    }

    private static List<CatalogueFile> files(long... sizes) {
        List<CatalogueFile> files = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            files.add(file(String.format("%03d.wav", i), sizes[i]));
        }
        return files;
    }

    @Test
    void largestFirstIntoTheLightestBin() {
        // LPT on 3 bins: 10→0, 9→1, 8→2, 7→2 (8), 6→1 (9), 5→0 (10)... loads 19, 18, 18 of a total of 55
        List<List<CatalogueFile>> bins = SizeBalancedPartitioner.partition(files(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), 3);
        long[] loads = SizeBalancedPartitioner.loads(bins);
        assertEquals(55, Arrays.stream(loads).sum());
        assertEquals(19, Arrays.stream(loads).max().getAsLong());
        assertEquals(18, Arrays.stream(loads).min().getAsLong());
    }

    @Test
    void oneHugeFileGetsABinOfItsOwn() {
        List<List<CatalogueFile>> bins = SizeBalancedPartitioner.partition(files(1000, 10, 10, 10, 10, 10, 10), 3);
        assertEquals(List.of(file("000.wav", 1000)), bins.get(0));
        long[] loads = SizeBalancedPartitioner.loads(bins);
        assertEquals(30, loads[1]);
        assertEquals(30, loads[2]);
    }

    @Test
    void everyFileLandsInExactlyOneBinAndTheLargestBinIsNearTheAverage() {
        Random rnd = new Random(7);
        long[] sizes = new long[1000];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = 1_000_000 + rnd.nextInt(50_000_000); // 1 to 51 MB, like a real library
        }
        List<CatalogueFile> all = files(sizes);
        List<List<CatalogueFile>> bins = SizeBalancedPartitioner.partition(all, 16);
        assertEquals(16, bins.size());
        Set<CatalogueFile> seen = new HashSet<>();
        for (List<CatalogueFile> bin : bins) {
            for (CatalogueFile f : bin) {
                assertTrue(seen.add(f), "twice: " + f);
            }
        }
        assertEquals(new HashSet<>(all), seen);
        long[] loads = SizeBalancedPartitioner.loads(bins);
        double average = Arrays.stream(loads).sum() / 16.0;
        long largest = Arrays.stream(loads).max().getAsLong();
        long smallest = Arrays.stream(loads).min().getAsLong();
        // LPT's gap is at most one file; 51 MB over an average of ~1.6 GB
        assertTrue(largest - smallest <= 51_000_000L, "spread " + (largest - smallest));
        assertTrue(largest < average * 1.04, largest + " vs average " + average);
    }

    @Test
    void isDeterministicAndEachBinIsInPathOrder() {
        List<CatalogueFile> all = files(5, 5, 5, 5, 3, 3, 8, 1);
        List<CatalogueFile> shuffled = new ArrayList<>(all);
        java.util.Collections.shuffle(shuffled, new Random(1));
        assertEquals(SizeBalancedPartitioner.partition(all, 3), SizeBalancedPartitioner.partition(shuffled, 3));
        for (List<CatalogueFile> bin : SizeBalancedPartitioner.partition(all, 3)) {
            List<CatalogueFile> sorted = new ArrayList<>(bin);
            sorted.sort(java.util.Comparator.comparing(CatalogueFile::path));
            assertEquals(sorted, bin);
        }
    }

    @Test
    void neverMakesEmptyBinsForFewFiles() {
        assertEquals(2, SizeBalancedPartitioner.partition(files(1, 2), 8).size());
        assertEquals(1, SizeBalancedPartitioner.partition(List.of(), 8).size());
    }

    @Test
    void defaultCountIsTwicePerCoreOrOnePerSixtyFourFilesCappedByTheFiles() {
        assertEquals(16, SizeBalancedPartitioner.defaultCount(1000, 2));  // 1000/64 rounded up beats 2×2
        assertEquals(16, SizeBalancedPartitioner.defaultCount(100, 8));   // 2×8 beats 100/64
        assertEquals(1563, SizeBalancedPartitioner.defaultCount(100_000, 16));
        assertEquals(10, SizeBalancedPartitioner.defaultCount(10, 8));    // no more partitions than files
        assertEquals(1, SizeBalancedPartitioner.defaultCount(0, 8));
    }
}
