package dev.herald.learn.sendtime;

import dev.herald.core.decision.Occurrence;
import dev.herald.core.decision.QuietHours;
import dev.herald.core.decision.Subject;
import dev.herald.core.event.EventType;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.Profile;
import dev.herald.core.state.UserState;
import dev.herald.core.trigger.ContentBrief;
import dev.herald.core.trigger.Entry;
import dev.herald.core.trigger.Exit;
import dev.herald.core.trigger.MessageKind;
import dev.herald.core.trigger.Reentry;
import dev.herald.core.trigger.Scope;
import dev.herald.core.trigger.TriggerDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Policy requests for the send-time tests: an abandoned-cart occurrence with a chosen window and zone. */
final class Requests {

    private Requests() {}

    static PolicyRequestBuilder window(Instant start, Duration length, ZoneId zone) {
        return new PolicyRequestBuilder(start, start.plus(length), zone);
    }

    record PolicyRequestBuilder(Instant start, Instant end, ZoneId zone) {

        dev.herald.core.policy.PolicyRequest quiet(Channel channel, QuietHours quietHours) {
            return build(Map.of(channel, quietHours));
        }

        dev.herald.core.policy.PolicyRequest noQuietHours() {
            return build(Map.of());
        }

        private dev.herald.core.policy.PolicyRequest build(Map<Channel, QuietHours> quietHours) {
            TriggerDefinition trigger = cart();
            return new dev.herald.core.policy.PolicyRequest("m_1", trigger,
                    new Occurrence(trigger.id(), "k", start, start, Subject.NONE),
                    UserState.fresh("u1", Profile.ASSUMED_REACHABLE), List.of(Channel.EMAIL, Channel.PUSH,
                            Channel.SMS),
                    start, end, zone, quietHours, 1);
        }
    }

    private static TriggerDefinition cart() {
        return new TriggerDefinition("abandoned_cart", "Abandoned cart", MessageKind.MARKETING, 80, Scope.CART,
                new Entry(Set.of(EventType.PRODUCT_ADDED), false, List.of()), Duration.ofMinutes(30), true,
                Duration.ofHours(24), new Exit(Set.of(EventType.ORDER_COMPLETED), false, true, false),
                new Reentry.Once(Duration.ofDays(30)), List.of(Channel.EMAIL, Channel.PUSH, Channel.SMS), true,
                List.of("default"), new ContentBrief("cart", "", "", List.of()));
    }
}
