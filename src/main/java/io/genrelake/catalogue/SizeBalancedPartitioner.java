package io.genrelake.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Spreads files over partitions so that each partition has about the same number of bytes to decode,
 * since extraction time grows with a file's length, not with the number of files: greedy
 * longest-processing-time scheduling (largest file first, each into the partition with the fewest bytes
 * so far), which is within 4/3 of the best possible largest partition. Deterministic: ties go to the
 * lower partition index and files of equal size are taken in path order.
 */
public final class SizeBalancedPartitioner {

    /** Files per partition above which the default adds partitions (small enough to balance, big enough to amortise task start-up). */
    public static final int FILES_PER_PARTITION = 64;

    private SizeBalancedPartitioner() {}

    /**
     * The default partition count: two per core (so a slow file does not leave a core idle at the end)
     * or one per {@value #FILES_PER_PARTITION} files, whichever is more; never more than the files.
     */
    public static int defaultCount(int files, int defaultParallelism) {
        int count = Math.max(2 * defaultParallelism, (files + FILES_PER_PARTITION - 1) / FILES_PER_PARTITION);
        return Math.max(1, Math.min(count, files));
    }

    /** The files in {@code count} bins (fewer when there are fewer files), each bin in path order. */
    public static List<List<CatalogueFile>> partition(List<CatalogueFile> files, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("partition count must be at least 1, got " + count);
        }
        int bins = Math.max(1, Math.min(count, files.size()));
        List<List<CatalogueFile>> result = new ArrayList<>(bins);
        PriorityQueue<Bin> byLoad = new PriorityQueue<>(
                Comparator.comparingLong(Bin::bytes).thenComparingInt(Bin::index));
        for (int i = 0; i < bins; i++) {
            result.add(new ArrayList<>());
            byLoad.add(new Bin(i, 0));
        }
        List<CatalogueFile> largestFirst = new ArrayList<>(files);
        largestFirst.sort(Comparator.comparingLong(CatalogueFile::size).reversed().thenComparing(CatalogueFile::path));
        for (CatalogueFile file : largestFirst) {
            Bin lightest = byLoad.poll();
            result.get(lightest.index()).add(file);
            byLoad.add(new Bin(lightest.index(), lightest.bytes() + Math.max(0, file.size())));
        }
        for (List<CatalogueFile> bin : result) {
            bin.sort(Comparator.comparing(CatalogueFile::path));
        }
        return result;
    }

    /** Bytes in each bin, for logs and tests. */
    public static long[] loads(List<List<CatalogueFile>> bins) {
        long[] loads = new long[bins.size()];
        for (int i = 0; i < loads.length; i++) {
            for (CatalogueFile f : bins.get(i)) {
                loads[i] += f.size();
            }
        }
        return loads;
    }

    private record Bin(int index, long bytes) {}
}
