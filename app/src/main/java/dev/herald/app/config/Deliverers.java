package dev.herald.app.config;

import dev.herald.core.profile.Channel;
import dev.herald.delivery.Deliverer;
import dev.herald.delivery.email.DkimSettings;
import dev.herald.delivery.email.EmailDeliverer;
import dev.herald.delivery.email.SmtpSettings;
import dev.herald.delivery.push.FcmPushDeliverer;
import dev.herald.delivery.push.FcmSettings;
import dev.herald.delivery.sms.TwilioSender;
import dev.herald.delivery.sms.TwilioSettings;
import dev.herald.delivery.sms.TwilioSmsDeliverer;
import dev.herald.delivery.webhook.WebhookDeliverer;
import dev.herald.delivery.webhook.WebhookSettings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery providers the configuration names: email over SMTP ({@code email.*}), SMS over Twilio
 * ({@code sms.*}), push over FCM ({@code push.*}), and a webhook ({@code webhook.*}). A channel with no provider
 * configured is not sent on; the start-up log lists which are.
 */
public final class Deliverers {

    private static final Logger LOG = LoggerFactory.getLogger(Deliverers.class);

    private Deliverers() {}

    /** @param publicUrl this server's address, for Twilio's status callbacks */
    public static Map<Channel, Deliverer> build(ConfigFile config, String publicUrl) {
        Map<Channel, Deliverer> out = new EnumMap<>(Channel.class);
        try {
            email(config).ifPresent(d -> out.put(Channel.EMAIL, d));
            sms(config, publicUrl).ifPresent(d -> out.put(Channel.SMS, d));
            push(config).ifPresent(d -> out.put(Channel.PUSH, d));
            config.string("webhook.url").ifPresent(url -> out.put(Channel.WEBHOOK, new WebhookDeliverer(
                    WebhookSettings.of(url, config.string("webhook.secret").orElseThrow(() -> config.bad(
                            "webhook.secret", "required with webhook.url: the secret that signs each request"))))));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw config.bad("delivery", e.getMessage());
        }
        LOG.info("delivery: {} (in_app: the inbox API)", out.isEmpty() ? "no provider configured"
                : String.join(", ", out.keySet().stream().map(Channel::key).toList()));
        return out;
    }

    private static Optional<Deliverer> email(ConfigFile config) {
        Optional<String> host = config.string("email.host");
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String securityName = config.string("email.security").orElse("starttls").toUpperCase(Locale.ROOT);
        SmtpSettings.Security security;
        try {
            security = SmtpSettings.Security.valueOf(securityName);
        } catch (IllegalArgumentException e) {
            throw config.bad("email.security", "\"" + securityName.toLowerCase(Locale.ROOT)
                    + "\" is not none, starttls or tls");
        }
        SmtpSettings settings = SmtpSettings.defaults(host.get(), security, config.string("email.from")
                .orElseThrow(() -> config.bad("email.from", "required with email.host: the sender address")));
        settings = config.integer("email.port").map(settings::withPort).orElse(settings);
        if (config.string("email.username").isPresent()) {
            settings = settings.withCredentials(config.string("email.username").get(),
                    config.string("email.password").orElse(""));
        }
        settings = config.string("email.from_name").map(settings::withFromName).orElse(settings);
        if (config.string("email.dkim_domain").isPresent()) {
            settings = settings.withDkim(new DkimSettings(config.string("email.dkim_domain").get(),
                    config.string("email.dkim_selector").orElseThrow(() -> config.bad("email.dkim_selector",
                            "required with email.dkim_domain")),
                    Path.of(config.string("email.dkim_key").orElseThrow(() -> config.bad("email.dkim_key",
                            "required with email.dkim_domain: a PKCS#8 PEM private key file")))));
        }
        return Optional.of(new EmailDeliverer(settings));
    }

    private static Optional<Deliverer> sms(ConfigFile config, String publicUrl) {
        Optional<String> sid = config.string("sms.account_sid");
        if (sid.isEmpty()) {
            return Optional.empty();
        }
        String token = config.string("sms.auth_token").orElseThrow(() -> config.bad("sms.auth_token",
                "required with sms.account_sid"));
        TwilioSender sender = config.string("sms.messaging_service_sid")
                .<TwilioSender>map(TwilioSender.MessagingService::new)
                .or(() -> config.string("sms.from").map(TwilioSender.PhoneNumber::new))
                .orElseThrow(() -> config.bad("sms.from", "give the sending number (or sms.messaging_service_sid)"));
        TwilioSettings settings = TwilioSettings.of(sid.get(), token, sender)
                .withStatusCallbackUrl(publicUrl.replaceAll("/+$", "") + "/hooks/twilio/status");
        settings = config.string("sms.base_url").map(settings::withBaseUrl).orElse(settings);
        return Optional.of(new TwilioSmsDeliverer(settings));
    }

    private static Optional<Deliverer> push(ConfigFile config) {
        Optional<String> project = config.string("push.project_id");
        if (project.isEmpty()) {
            return Optional.empty();
        }
        FcmSettings settings = FcmSettings.of(project.get(), Path.of(config.string("push.service_account")
                .orElseThrow(() -> config.bad("push.service_account", "required with push.project_id: the service"
                        + " account JSON file"))));
        settings = config.string("push.base_url").map(settings::withBaseUrl).orElse(settings);
        settings = config.string("push.token_url").map(settings::withTokenUrl).orElse(settings);
        return Optional.of(new FcmPushDeliverer(settings));
    }
}
