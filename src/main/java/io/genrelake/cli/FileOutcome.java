package io.genrelake.cli;

import io.genrelake.features.KaggleRow;
import java.util.List;

/**
 * What became of one input file: its rows, or the reason it could not be used.
 *
 * @param error   null when the file was used
 * @param seconds time spent on the file
 */
record FileOutcome(AudioInputs.Input input, List<KaggleRow> rows, String error, double seconds) {

    static FileOutcome used(AudioInputs.Input input, List<KaggleRow> rows, double seconds) {
        return new FileOutcome(input, List.copyOf(rows), null, seconds);
    }

    static FileOutcome failed(AudioInputs.Input input, String reason, double seconds) {
        return new FileOutcome(input, List.of(), reason, seconds);
    }

    boolean ok() {
        return error == null;
    }
}
