package dev.herald.delivery.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks of configured URLs. */
public final class HttpUrls {

    private HttpUrls() {}

    /**
     * The URL without trailing slashes, so that paths can be appended to it.
     *
     * @throws IllegalArgumentException when it is not an absolute http or https URL with a host
     */
    public static String requireBase(String url, String what) {
        String checked = requireHttp(url, what);
        int end = checked.length();
        while (end > 0 && checked.charAt(end - 1) == '/') {
            end--;
        }
        return checked.substring(0, end);
    }

    /**
     * The URL as given.
     *
     * @throws IllegalArgumentException when it is not an absolute http or https URL with a host
     */
    public static String requireHttp(String url, String what) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException(what + " must be an absolute http or https URL, got " + url);
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a URL: " + url, e);
        }
    }

    /** The URL with one more query parameter, after {@code ?} or {@code &} as the URL needs. */
    public static String withQueryParameter(String url, String name, String value) {
        int fragment = url.indexOf('#');
        String base = fragment < 0 ? url : url.substring(0, fragment);
        String rest = fragment < 0 ? "" : url.substring(fragment);
        String separator = base.indexOf('?') < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + FormBody.encodePart(name) + "=" + FormBody.encodePart(value) + rest;
    }
}
