package dev.herald.writer.check;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The host of an http(s) URL, and whether it lies within a set of domains. */
final class Hosts {

    private Hosts() {}

    /**
     * The lower-case host of an absolute http or https URL ({@code www.} URLs count as http), without user info,
     * port or trailing dot; empty for anything else.
     */
    static Optional<String> of(String url) {
        String rest = url.strip();
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            rest = rest.substring("https://".length());
        } else if (lower.startsWith("http://")) {
            rest = rest.substring("http://".length());
        } else if (!lower.startsWith("www.")) {
            return Optional.empty();
        }
        int end = indexOfAny(rest, "/?#\\");
        String authority = end < 0 ? rest : rest.substring(0, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        host = host.toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }

    /** Whether the host is one of the domains or a subdomain of one. */
    static boolean within(String host, Set<String> domains) {
        for (String domain : domains) {
            String d = domain.toLowerCase(Locale.ROOT);
            if (host.equals(d) || host.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
