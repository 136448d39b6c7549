package dev.herald.delivery.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the SMTP server and what to put in every email's envelope and headers.
 *
 * <p>Start from {@link #defaults(String, Security, String)} and change what differs with the {@code with...}
 * methods. Bad values are refused with an {@link IllegalArgumentException} that names the setting.
 *
 * @param host the SMTP server's host name or address
 * @param port the server's port; {@code 0} means the usual port for the security: 25 for {@link Security#NONE},
 *     587 for {@link Security#STARTTLS}, 465 for {@link Security#TLS}
 * @param security how the connection is protected
 * @param username the user to authenticate as (SMTP AUTH), or {@code ""} (or null) to send without authenticating
 * @param password the password, required with a username and {@code ""} (or null) without one
 * @param fromAddress the sender's address, in the From header and the envelope (MAIL FROM)
 * @param fromName the sender's display name in the From header, or {@code ""} for none
 * @param messageIdDomain the domain in {@code Message-ID: <messageId@domain>}; null or blank means the domain of the
 *     from address
 * @param connectTimeout how long connecting (and the server's greeting) may take; null means
 *     {@link #DEFAULT_TIMEOUT}
 * @param readTimeout how long one read or write on the connection may take; null means {@link #DEFAULT_TIMEOUT}
 * @param dkim how to sign with DKIM, or empty (or null) to send unsigned
 */
public record SmtpSettings(
        String host,
        int port,
        Security security,
        String username,
        String password,
        String fromAddress,
        String fromName,
        String messageIdDomain,
        Duration connectTimeout,
        Duration readTimeout,
        Optional<DkimSettings> dkim) {

    /** The connection and read timeout used when none is given: 10 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain text, no TLS (a relay on the same host or network). */
        NONE(25),
        /** Plain connection upgraded with STARTTLS, which is required: no fallback to plain text. */
        STARTTLS(587),
        /** TLS from the first byte (implicit TLS, "SMTPS"). */
        TLS(465);

        private final int defaultPort;

        Security(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        /** The port used when none is given. */
        public int defaultPort() {
            return defaultPort;
        }
    }

    public SmtpSettings {
        require(host != null && !host.isBlank(), "host", "is required", null);
        host = host.strip();
        require(host.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)), "host",
                "must not contain spaces", host);
        require(security != null, "security", "is required", null);
        require(port >= 0 && port <= 65_535, "port", "must be between 1 and 65535 (or 0 for the default)", port);
        if (port == 0) {
            port = security.defaultPort();
        }
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        require(username.isEmpty() || !password.isEmpty(), "password", "is required with a username", null);
        require(!username.isEmpty() || password.isEmpty(), "username", "is required with a password", null);
        fromAddress = checkedFromAddress(fromAddress);
        fromName = fromName == null ? "" : fromName.strip();
        require(fromName.chars().noneMatch(Character::isISOControl), "fromName", "must not contain control characters",
                fromName);
        messageIdDomain = messageIdDomain == null || messageIdDomain.isBlank()
                ? domainSetting(fromAddress.substring(fromAddress.lastIndexOf('@') + 1), "fromAddress")
                : domainSetting(messageIdDomain, "messageIdDomain");
        connectTimeout = checkedTimeout(connectTimeout, "connectTimeout");
        readTimeout = checkedTimeout(readTimeout, "readTimeout");
        dkim = Objects.requireNonNullElse(dkim, Optional.empty());
    }

    /**
     * Settings for the given server, security (on its usual port) and sender, without authentication, display name or
     * DKIM, with the default timeouts and the from address's domain in Message-IDs.
     */
    public static SmtpSettings defaults(String host, Security security, String fromAddress) {
        return new SmtpSettings(host, 0, security, "", "", fromAddress, "", null, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT,
                Optional.empty());
    }

    public SmtpSettings withPort(int newPort) {
        return new SmtpSettings(host, newPort, security, username, password, fromAddress, fromName, messageIdDomain,
                connectTimeout, readTimeout, dkim);
    }

    /** A copy with another security; the port stays as it is. */
    public SmtpSettings withSecurity(Security newSecurity) {
        return new SmtpSettings(host, port, newSecurity, username, password, fromAddress, fromName, messageIdDomain,
                connectTimeout, readTimeout, dkim);
    }

    /** A copy that authenticates with the given user and password (both blank: no authentication). */
    public SmtpSettings withCredentials(String newUsername, String newPassword) {
        return new SmtpSettings(host, port, security, newUsername, newPassword, fromAddress, fromName,
                messageIdDomain, connectTimeout, readTimeout, dkim);
    }

    public SmtpSettings withFromName(String newFromName) {
        return new SmtpSettings(host, port, security, username, password, fromAddress, newFromName, messageIdDomain,
                connectTimeout, readTimeout, dkim);
    }

    /** A copy with another Message-ID domain; null or blank means the from address's domain. */
    public SmtpSettings withMessageIdDomain(String newMessageIdDomain) {
        return new SmtpSettings(host, port, security, username, password, fromAddress, fromName, newMessageIdDomain,
                connectTimeout, readTimeout, dkim);
    }

    public SmtpSettings withTimeouts(Duration newConnectTimeout, Duration newReadTimeout) {
        return new SmtpSettings(host, port, security, username, password, fromAddress, fromName, messageIdDomain,
                newConnectTimeout, newReadTimeout, dkim);
    }

    /** A copy that signs with the given DKIM settings, or sends unsigned when they are null. */
    public SmtpSettings withDkim(DkimSettings newDkim) {
        return new SmtpSettings(host, port, security, username, password, fromAddress, fromName, messageIdDomain,
                connectTimeout, readTimeout, Optional.ofNullable(newDkim));
    }

    /** Whether the client authenticates (SMTP AUTH). */
    public boolean authenticates() {
        return !username.isEmpty();
    }

    /** The settings with the password hidden, so that they can be logged. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                + ", password=" + (password.isEmpty() ? "none" : "***") + ", fromAddress=" + fromAddress
                + ", fromName=" + fromName + ", messageIdDomain=" + messageIdDomain + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", dkim=" + dkim + "]";
    }

    private static String checkedFromAddress(String value) {
        require(value != null && !value.isBlank(), "fromAddress", "is required", null);
        String address = value.strip();
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            require(parsed.getPersonal() == null && parsed.getAddress().equals(address), "fromAddress",
                    "must be a bare address such as news@shop.example (the display name is fromName)", address);
        } catch (AddressException e) {
            throw new IllegalArgumentException("smtp setting fromAddress is not an email address, got " + address
                    + " (" + e.getMessage() + ")", e);
        }
        int at = address.lastIndexOf('@');
        require(at > 0 && at < address.length() - 1, "fromAddress", "must have a domain, as in news@shop.example",
                address);
        domainSetting(address.substring(at + 1), "fromAddress");
        return address;
    }

    /** A host-name-like domain, lower-cased; shared with {@link DkimSettings}. */
    static String domainSetting(String value, String setting) {
        require(value != null && !value.isBlank(), setting, "is required", null);
        String domain = value.strip().toLowerCase(Locale.ROOT);
        require(domain.matches("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"), setting,
                "must be a domain name of ASCII letters, digits, dashes and dots (use punycode for others)", value);
        return domain;
    }

    private static Duration checkedTimeout(Duration value, String setting) {
        Duration timeout = value == null ? DEFAULT_TIMEOUT : value;
        require(timeout.isPositive(), setting, "must be positive", timeout);
        require(timeout.toMillis() >= 1 && timeout.toMillis() <= Integer.MAX_VALUE, setting,
                "must be between 1ms and 24 days", timeout);
        return timeout;
    }

    private static void require(boolean condition, String setting, String rule, Object value) {
        if (!condition) {
            throw new IllegalArgumentException(
                    "smtp setting " + setting + " " + rule + (value == null ? "" : ", got " + value));
        }
    }
}
