package dev.herald.writer;

import dev.herald.core.content.TemplateWriter;
import dev.herald.writer.check.CheckRules;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the writer needs to know about the shop, and how long generations are kept.
 *
 * @param shopName the shop's name, as messages sign it
 * @param shopUrl the shop's base URL; cart, product and order links fall back to it
 * @param linkDomains domains links may point to; the shop URL's host is always one of them
 * @param imageHosts hosts email images may load from; the shop URL's host is always one of them
 * @param marketingSmsSegments the most segments a marketing SMS may take
 * @param cacheTtl how long a generation serves later messages with the same content key
 * @param failureTtl how long a content key whose generation failed validation twice uses the template, before the
 *     model is asked again
 * @param cacheSize the most content keys kept
 * @param generationTimeout the longest a message waits for its generation, retries included, before the template
 *     is used for it
 */
public record WriterSettings(
        String shopName,
        String shopUrl,
        Set<String> linkDomains,
        Set<String> imageHosts,
        int marketingSmsSegments,
        Duration cacheTtl,
        Duration failureTtl,
        long cacheSize,
        Duration generationTimeout) {

    public WriterSettings {
        Objects.requireNonNull(shopName, "shopName");
        Objects.requireNonNull(shopUrl, "shopUrl");
        String host = hostOf(shopUrl);
        linkDomains = with(linkDomains, host);
        imageHosts = with(imageHosts, host);
        if (marketingSmsSegments < 1) {
            throw new IllegalArgumentException("writer.sms_segments must be at least 1, got " + marketingSmsSegments);
        }
        positive(cacheTtl, "writer.cache_ttl");
        positive(failureTtl, "writer.failure_ttl");
        positive(generationTimeout, "writer.generation_timeout");
        if (cacheSize < 1) {
            throw new IllegalArgumentException("writer.cache_size must be at least 1, got " + cacheSize);
        }
    }

    /** The defaults for a shop: one SMS segment, a day's cache of 100,000 keys, ten minutes after a failure. */
    public static WriterSettings defaults(String shopName, String shopUrl) {
        return new WriterSettings(shopName, shopUrl, Set.of(), Set.of(), TemplateWriter.MARKETING_SMS_SEGMENTS,
                Duration.ofHours(24), Duration.ofMinutes(10), 100_000, Duration.ofSeconds(60));
    }

    /** The rules every draft is checked against. */
    public CheckRules checkRules() {
        return new CheckRules(linkDomains, imageHosts, marketingSmsSegments, TemplateWriter.TRANSACTIONAL_SMS_SEGMENTS);
    }

    /** The host of an http(s) URL, lower case; a clear error for anything else. */
    static String hostOf(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme())
                    || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException("shop URL must be an http(s) URL with a host, got \"" + url + "\"");
            }
            return uri.getHost().toLowerCase(Locale.ROOT);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("shop URL is not a URL: \"" + url + "\" (" + e.getReason() + ")", e);
        }
    }

    private static Set<String> with(Set<String> hosts, String host) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        for (String each : hosts) {
            all.add(each.strip().toLowerCase(Locale.ROOT));
        }
        all.add(host);
        return Set.copyOf(all);
    }

    private static void positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + duration);
        }
    }
}
