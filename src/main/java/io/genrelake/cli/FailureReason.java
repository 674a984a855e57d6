package io.genrelake.cli;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.DecoderBugException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns the exception that made a file unusable into the short reason shown to users and logged. */
public final class FailureReason {

    private FailureReason() {}

    public static String of(Throwable e) {
        if (e instanceof DecoderBugException bug) {
            return of(bug.getCause()); // no later decoder could take the file over: report the bug itself
        }
        if (e instanceof UnusableAudioException || e instanceof AudioFormatException) {
            return e.getMessage(); // already written as a reason for users
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        String kind = e instanceof IOException ? "I/O error (" + e.getClass().getSimpleName() + ")"
                : e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
