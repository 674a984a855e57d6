/**
 * Spark applications, each runnable by {@code spark-submit} and from the {@code genrelake} command: thin
 * wiring of the plain classes in {@code catalogue}, {@code features} and {@code audio}. The extract job
 * ({@link io.genrelake.jobs.ExtractJob}) turns an audio catalogue into the Parquet feature table.
 */
package io.genrelake.jobs;
