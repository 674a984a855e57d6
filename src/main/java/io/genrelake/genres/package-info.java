/**
 * The genre table (one row per track and run: the genre, its confidence, the top genres and every
 * genre's probability), the {@code current} view (the latest row of each track), and the bookkeeping of
 * the nightly incremental run: the catalogue state's schema, the diff of a listing against it, and the run
 * record. Where the tables live and how they are committed is {@code io.genrelake.tables}' job; {@link
 * io.genrelake.genres.Publication} and {@link io.genrelake.genres.StateStore} describe the earlier plain-Parquet
 * layout, kept to finish and convert it. docs/genre-table.md documents the tables.
 */
package io.genrelake.genres;
