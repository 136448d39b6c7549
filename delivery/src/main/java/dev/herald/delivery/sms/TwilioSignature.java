package dev.herald.delivery.sms;

import dev.herald.delivery.http.Hmac;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Twilio's request signature, the {@code X-Twilio-Signature} header of every webhook: the Base64 of the HMAC-SHA1,
 * keyed with the account's auth token, of the full URL Twilio requested (scheme, host, path and query) followed by
 * every POST parameter sorted by name, each as its name then its value with nothing between.
 */
final class TwilioSignature {

    private TwilioSignature() {}

    /** The signature Twilio would send for this request. */
    static String compute(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        byte[] mac = Hmac.compute(Hmac.SHA1, authToken, data.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }

    /**
     * Whether the header is the signature of this request. Behind a proxy the URL's port may differ from the one
     * Twilio signed, so, like Twilio's libraries, the URL is also tried with its scheme's default port added or
     * removed.
     */
    static boolean matches(String authToken, String header, String url, Map<String, String> params) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] given = header.strip().getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        for (String candidate : urlVariants(url)) {
            byte[] expected = compute(authToken, candidate, params).getBytes(StandardCharsets.UTF_8);
            valid |= Hmac.constantTimeEquals(expected, given);
        }
        return valid;
    }

    /** The URL as given, and with its default port added (when it has none) or removed (when it has it). */
    static List<String> urlVariants(String url) {
        List<String> variants = new ArrayList<>(List.of(url));
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return variants;
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getHost() == null) {
            return variants;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
        if (defaultPort < 0) {
            return variants;
        }
        String authority = uri.getRawAuthority();
        int start = url.indexOf("://") + 3;
        if (!url.startsWith(authority, start)) {
            return variants;
        }
        String prefix = url.substring(0, start);
        String rest = url.substring(start + authority.length());
        if (uri.getPort() == -1) {
            variants.add(prefix + authority + ":" + defaultPort + rest);
        } else if (uri.getPort() == defaultPort) {
            String suffix = ":" + defaultPort;
            variants.add(prefix + authority.substring(0, authority.length() - suffix.length()) + rest);
        }
        return variants;
    }
}
