package io.genrelake.cli;

/** A file that decoded but cannot give a feature row (too short, no whole segment); the message is the reason. */
final class UnusableAudioException extends Exception {

    UnusableAudioException(String reason) {
        super(reason);
    }
}
