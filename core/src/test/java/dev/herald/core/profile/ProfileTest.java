package dev.herald.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void shouldReadTraitsWhateverTheirCase() {
        Profile profile = Profile.EMPTY.withTraits(Map.of("first_name", "Anna", "email", "anna@example.com",
                "phone", "+79123456789", "timeZone", "Europe/Moscow", "locale", "ru_RU",
                "consent", Map.of("email", true, "sms", "true")));

        assertThat(profile.firstName()).isEqualTo("Anna");
        assertThat(profile.email().isUsable()).isTrue();
        assertThat(profile.phone().value()).isEqualTo("+79123456789");
        assertThat(profile.findZone()).contains(ZoneId.of("Europe/Moscow"));
        assertThat(profile.locale()).isEqualTo("ru-RU");
        assertThat(profile.hasMarketingConsent(Channel.EMAIL)).isTrue();
        assertThat(profile.hasMarketingConsent(Channel.SMS)).isTrue();
        assertThat(profile.hasMarketingConsent(Channel.PUSH)).isFalse();
    }

    @Test
    void shouldKeepBadContactPointsWithTheirProblemInsteadOfFailing() {
        Profile profile = Profile.EMPTY.withTraits(Map.of("email", "not-an-email", "phone", "8 912 345",
                "timezone", "Mars/Base", "preferredChannel", "fax"));

        assertThat(profile.email().isUsable()).isFalse();
        assertThat(profile.email().problem()).isEqualTo("invalid email address \"not-an-email\"");
        assertThat(profile.phone().problem()).contains("not in E.164 form");
        assertThat(profile.findZone()).isEmpty();
        assertThat(profile.findPreferredChannel()).isEmpty();
        assertThat(profile.notes()).hasSize(4);
    }

    @Test
    void shouldWithdrawAllConsentOnUnsubscribed() {
        Profile profile = Profile.EMPTY.withTraits(Map.of("consent", Map.of("email", true, "push", true)))
                .withTraits(Map.of("unsubscribed", true));

        assertThat(profile.consentMask()).isZero();
    }

    @Test
    void shouldApplyTraitsInTheSameOrderInEveryProcessSoAWithdrawalInTheSameCallWins() {
        Map<String, Object> traits = new LinkedHashMap<>();
        traits.put("unsubscribed", true);
        traits.put("consent", Map.of("email", true));
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("consent", Map.of("email", true));
        reversed.put("unsubscribed", true);

        assertThat(Profile.EMPTY.withTraits(traits).hasMarketingConsent(Channel.EMAIL)).isFalse();
        assertThat(Profile.EMPTY.withTraits(reversed).hasMarketingConsent(Channel.EMAIL)).isFalse();
    }

    @Test
    void shouldClearATraitSentAsNull() {
        Map<String, Object> cleared = new LinkedHashMap<>();
        cleared.put("email", null);

        Profile profile = Profile.EMPTY.withTraits(Map.of("email", "anna@example.com")).withTraits(cleared);

        assertThat(profile.email().isPresent()).isFalse();
    }

    @Test
    void shouldUseTheLastPushToken() {
        Profile profile = Profile.EMPTY.withTraits(Map.of("pushTokens", List.of("old", "new")));

        assertThat(profile.pushToken().value()).isEqualTo("new");
    }

    @Test
    void shouldDefaultActiveHoursToNineToTwentyOne() {
        assertThat(Profile.EMPTY.effectiveActiveHours()).startsWith(9).endsWith(21).hasSize(13);
    }
}
