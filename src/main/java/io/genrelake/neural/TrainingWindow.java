package io.genrelake.neural;

/**
 * One labelled window as training reads it: its stored input, class index and the group it belongs to (an
 * artist, or the track where none is named), which decides the early-stopping validation part.
 */
public record TrainingWindow(byte[] data, int label, String group) {}
