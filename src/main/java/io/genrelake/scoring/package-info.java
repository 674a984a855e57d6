/**
 * Scoring one track without Spark: the portable form of a trained model ({@link io.genrelake.scoring.PortableModel},
 * {@code portable-model.json} beside the PipelineModel) and the plain-Java scorer that gives the MLlib model's
 * probabilities for it, so {@code genrelake identify} and {@code serve} answer for one file in well under a second
 * after the JVM starts, with no SparkSession.
 */
package io.genrelake.scoring;
