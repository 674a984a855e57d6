package io.genrelake.ml;

/** Input that cannot be trained or evaluated on: the message says what is wrong and where, for the user. */
public final class TrainingDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDataException(String message) {
        super(message);
    }

    public TrainingDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
