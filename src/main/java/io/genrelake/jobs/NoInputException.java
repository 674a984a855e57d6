package io.genrelake.jobs;

import java.io.Serial;

/** The inputs hold nothing to extract: no audio file and no Kaggle table. The job writes no table. */
public final class NoInputException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    NoInputException(String message) {
        super(message);
    }
}
