/**
 * The genre table (one row per track and run: the genre, its confidence, the top genres and every
 * genre's probability), the {@code current} view (the latest row of each track), and the bookkeeping of
 * the nightly incremental run: the catalogue state, the diff of a listing against it, and the journalled
 * publication of a run's tables. docs/genre-table.md documents the tables.
 */
package io.genrelake.genres;
