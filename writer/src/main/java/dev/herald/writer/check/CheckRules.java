package dev.herald.writer.check;

import java.util.Objects;
import java.util.Set;

/**
 * The shop's rules every draft must keep.
 *
 * @param linkDomains domains links may point to; a subdomain of one is allowed too ({@code shop.example} allows
 *     {@code www.shop.example})
 * @param imageHosts hosts images in email may load from; any other external resource is removed
 * @param marketingSmsSegments the most segments a marketing SMS may take (default 1)
 * @param transactionalSmsSegments the most segments a transactional SMS may take (default 3)
 */
public record CheckRules(
        Set<String> linkDomains, Set<String> imageHosts, int marketingSmsSegments, int transactionalSmsSegments) {

    public CheckRules {
        linkDomains = Set.copyOf(linkDomains);
        imageHosts = Set.copyOf(imageHosts);
        Objects.requireNonNull(linkDomains);
        if (marketingSmsSegments < 1 || transactionalSmsSegments < 1) {
            throw new IllegalArgumentException("SMS segment limits must be at least 1");
        }
    }
}
