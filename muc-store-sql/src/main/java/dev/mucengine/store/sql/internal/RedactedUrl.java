package dev.mucengine.store.sql.internal;

/**
 * A JDBC URL fit for logs and exception messages: without its parameters (where
 * {@code password=} goes) and without any {@code user:password@} before the host.
 */
public final class RedactedUrl {

    private RedactedUrl() {
    }

    /**
     * The URL without credentials.
     *
     * @param url a JDBC URL
     * @return the URL up to its parameters, without user information
     */
    public static String of(String url) {
        String s = url;
        int query = s.indexOf('?');
        if (query >= 0) {
            s = s.substring(0, query);
        }
        int authority = s.indexOf("//");
        if (authority >= 0) {
            int hostEnd = s.indexOf('/', authority + 2);
            String hostPart = hostEnd < 0 ? s.substring(authority + 2) : s.substring(authority + 2, hostEnd);
            int at = hostPart.lastIndexOf('@');
            if (at >= 0) {
                String rest = hostEnd < 0 ? "" : s.substring(hostEnd);
                s = s.substring(0, authority + 2) + hostPart.substring(at + 1) + rest;
            }
        }
        return s;
    }
}
