package io.genrelake.catalogue;

import java.util.regex.Pattern;

/**
 * Credentials written into a URI ({@code s3a://KEY:SECRET@bucket/...}): refused wherever a job takes a URI, and
 * blanked out of every message that repeats one, so that they reach no log, summary or table. Credentials belong in
 * the Hadoop settings, a credential provider or the environment (README, "On a cluster").
 */
public final class UriCredentials {

    /** scheme://userinfo@ — the user-info part of an authority. */
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]*@");

    private UriCredentials() {}

    /** True when {@code uri} carries user information (a key, a key and secret) before its host. */
    public static boolean present(String uri) {
        return uri != null && USER_INFO.matcher(uri).find();
    }

    /** {@code uri} with any user information replaced by "***". */
    public static String redact(String uri) {
        return uri == null ? null : USER_INFO.matcher(uri).replaceAll("***@");
    }

    /** The reason a URI with credentials is refused, naming it redacted. */
    public static String refusal(String uri) {
        return "credentials in a URI are refused (" + redact(uri) + "): give them in the fs.s3a.* settings, a "
                + "credential provider or the environment";
    }
}
