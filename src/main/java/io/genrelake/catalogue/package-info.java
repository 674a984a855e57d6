/**
 * The audio catalogue as the extract job sees it: listing files on any Hadoop file system, stable track
 * ids, spreading files over partitions by size, cutting tracks into windows, extracting one file into
 * rows, and the feature table's schema. Plain classes, testable without a SparkSession (Spark's
 * {@code Row} and schema types are used, not its engine).
 */
package io.genrelake.catalogue;
