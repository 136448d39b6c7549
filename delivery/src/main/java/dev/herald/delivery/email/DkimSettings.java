package dev.herald.delivery.email;

import java.nio.file.Path;

/**
 * How to sign outgoing email with DKIM (RFC 6376): the signing domain ({@code d=}), the selector ({@code s=}) under
 * which the public key is published ({@code selector._domainkey.domain} TXT record), and the file holding the RSA
 * private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}; convert a PKCS#1 key with
 * {@code openssl pkcs8 -topk8 -nocrypt -in rsa.pem -out dkim.pem}). The key is read once, when the
 * {@link EmailDeliverer} is made. Bad values are refused with an {@link IllegalArgumentException} that names the
 * setting.
 *
 * @param domain the signing domain, for example {@code shop.example}; it should be the From address's domain or a
 *     parent of it, for DMARC alignment
 * @param selector the selector, for example {@code herald2025}
 * @param privateKeyPemPath the PKCS#8 PEM file with the RSA private key (1024 bits at least, 2048 recommended)
 */
public record DkimSettings(String domain, String selector, Path privateKeyPemPath) {

    public DkimSettings {
        domain = SmtpSettings.domainSetting(domain, "dkim.domain");
        if (!domain.contains(".")) {
            throw new IllegalArgumentException("smtp setting dkim.domain must have at least two labels, got " + domain);
        }
        if (selector == null || selector.isBlank()) {
            throw new IllegalArgumentException("smtp setting dkim.selector is required");
        }
        selector = selector.strip();
        if (!selector.matches("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")) {
            throw new IllegalArgumentException(
                    "smtp setting dkim.selector must be letters, digits, dots, dashes or underscores, got "
                            + selector);
        }
        if (privateKeyPemPath == null) {
            throw new IllegalArgumentException("smtp setting dkim.privateKeyPemPath is required");
        }
    }
}
