package io.genrelake.genres;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Run dates: ISO {@code YYYY-MM-DD}, today in UTC by default (a scheduler passes its logical date). */
public final class RunDate {

    private RunDate() {}

    public static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("run date must be YYYY-MM-DD, got '" + text + "'", e);
        }
    }

    /** The date asked for, or today (UTC) when null; always in canonical YYYY-MM-DD spelling. */
    public static String orToday(String text) {
        return text == null ? LocalDate.now(ZoneOffset.UTC).toString() : parse(text).toString();
    }
}
