package dev.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.delivery.Deliverer;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hard bounce on email sends the same message again on the trigger's next channel, once. */
class ChannelFallbackTest {

    @TempDir
    Path dir;

    static final TriggerDefinition EMAIL_THEN_INBOX = new TriggerDefinition("abandoned_cart", "Abandoned cart",
            ServerFixture.CART.kind(), 80, ServerFixture.CART.scope(), ServerFixture.CART.entry(),
            ServerFixture.CART.waitTime(), true, ServerFixture.CART.urgency(), ServerFixture.CART.exit(),
            ServerFixture.CART.reentry(), List.of(Channel.EMAIL, Channel.IN_APP), true, List.of("default"),
            ServerFixture.CART.brief());

    /** A mail server that refuses every recipient for good. */
    static final Deliverer BOUNCING = new Deliverer() {
        @Override
        public Channel channel() {
            return Channel.EMAIL;
        }

        @Override
        public DeliveryResult deliver(Delivery delivery) {
            return new DeliveryResult.Rejected("550 5.1.1 no such mailbox", true);
        }
    };

    @Test
    void shouldSendOnTheNextChannelAfterAHardBounce() throws Exception {
        try (ServerFixture herald = new ServerFixture(dir.resolve("data"), Optional.empty(), EMAIL_THEN_INBOX,
                Map.of(Channel.EMAIL, BOUNCING))) {
            herald.track("/v1/identify", """
                    {"userId": "u1", "timestamp": "2024-03-04T10:00:00Z",
                     "traits": {"email": "gone@example.com", "consent": {"email": true, "in_app": true}}}""");
            herald.track("/v1/track", HeraldServerTest.ADDED);
            herald.track("/v1/batch", HeraldServerTest.LATER);

            JsonNode inbox = HeraldServerTest.eventually(() -> ServerFixture.JSON.readTree(herald.get(
                    "/v1/users/u1/inbox", ServerFixture.basic(ServerFixture.WRITE_KEY)).body()),
                    n -> n.path("messages").size() == 1);
            JsonNode messages = HeraldServerTest.eventually(() -> herald.admin("/admin/users/u1/messages"),
                    n -> n.path("messages").size() == 2 && n.toString().contains("\"status\":\"sent\""));

            assertThat(inbox.at("/messages/0/messageId").asText()).endsWith("-in_app");
            assertThat(messages.toString()).contains("\"channel\":\"email\",\"status\":\"failed\"")
                    .contains("\"channel\":\"in_app\",\"status\":\"sent\"");
            String decisionId = inbox.at("/messages/0/messageId").asText().replace("-in_app", "");
            assertThat(herald.admin("/admin/decisions/" + decisionId).path("trace").toString())
                    .contains("fallback to in_app: email failed for good (550 5.1.1 no such mailbox)");
            assertThat(herald.admin("/admin/users/u1").at("/profile/email/usable").asBoolean()).isFalse();
        }
    }
}
