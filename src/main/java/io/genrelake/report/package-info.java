/**
 * The training report: PNG plots drawn headless with XChart ({@link io.genrelake.report.ConfusionMatrixPlot},
 * {@link io.genrelake.report.AccuracyChart}, {@link io.genrelake.report.PcaScatterPlot},
 * {@link io.genrelake.report.CorrelationHeatmap}) and the HTML page that shows them with the metrics
 * ({@link io.genrelake.report.ReportPage}), written next to the model by
 * {@link io.genrelake.report.TrainingReport}.
 */
package io.genrelake.report;
