/**
 * The tables genrelake writes, each a path-based Delta Lake table (no metastore): where each lives, its
 * schema, how a run commits to it and how its history is read. {@link Table} is one table's commits
 * (append, replace a partition, merge, overwrite) and reads (latest or any version); {@link GenreTables}
 * is a classify/nightly output ({@code genres}, {@code current}); {@link NightlyState} the nightly state
 * ({@code features}, {@code catalogue}, {@code runs}); {@link WriterLock} keeps a second writer off an
 * output; {@link ParquetUpgrade} converts tables of the earlier plain-Parquet layout in place on first use.
 * Jobs ask these classes to append, merge and read; none renames a folder.
 */
package io.genrelake.tables;
