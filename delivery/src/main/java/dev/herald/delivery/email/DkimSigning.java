package dev.herald.delivery.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

/**
 * Signs messages with DKIM: rsa-sha256, relaxed/relaxed canonicalisation, no body length limit, no DNS check of the
 * published key. The key is read once; a fresh {@link DkimSigner} (which is not thread-safe) is made per message.
 *
 * <p>The signed message is rendered to bytes at once and sent as those bytes, so what is signed is exactly what
 * leaves, and a signing failure happens before the SMTP server is contacted.
 */
final class DkimSigning {

    /**
     * The headers signed when present, besides the library's defaults (which include From, To, Subject, Date,
     * Message-ID, MIME-Version, Content-Type, Reply-To and List-Unsubscribe).
     */
    static final List<String> SIGNED_HEADERS = List.of("From", "To", "Subject", "Date", "Message-ID",
            "MIME-Version", "Content-Type", EmailComposer.LIST_UNSUBSCRIBE, EmailComposer.LIST_UNSUBSCRIBE_POST,
            MessageIds.HERALD_HEADER);

    private final DkimSettings settings;
    private final RSAPrivateKey key;

    private DkimSigning(DkimSettings settings, RSAPrivateKey key) {
        this.settings = settings;
        this.key = key;
    }

    /** Reads the key; an {@link IllegalArgumentException} naming the setting or the file when it cannot be used. */
    static DkimSigning load(DkimSettings settings) {
        DkimSigning signing = new DkimSigning(settings, PemPrivateKeys.readRsa(settings.privateKeyPemPath()));
        try {
            signing.signer();
        } catch (DkimException e) {
            throw new IllegalArgumentException("smtp setting dkim cannot be used: " + e.getMessage(), e);
        }
        return signing;
    }

    /** The message with a DKIM-Signature header, frozen: saving it again changes nothing. */
    MimeMessage sign(Session session, MimeMessage message) throws MessagingException {
        ByteArrayOutputStream rendered = new ByteArrayOutputStream();
        try {
            new DkimMessage(message, signer()).writeTo(rendered);
            return new FrozenMessage(session, rendered.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("writing a message to memory failed", e);
        }
    }

    private DkimSigner signer() {
        DkimSigner signer = new DkimSigner(settings.domain(), settings.selector(), key);
        signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        signer.setLengthParam(false);
        signer.setCopyHeaderFields(false);
        signer.setCheckDomainKey(false);
        SIGNED_HEADERS.forEach(signer::addHeaderToSign);
        return signer;
    }

    /** A message parsed from its final bytes, written out again unchanged (its headers are never updated). */
    private static final class FrozenMessage extends MimeMessage {

        FrozenMessage(Session session, byte[] bytes) throws MessagingException {
            super(session, new ByteArrayInputStream(bytes));
        }

        @Override
        public void saveChanges() {
            // Already final: updating the headers would break the signature.
        }
    }
}
