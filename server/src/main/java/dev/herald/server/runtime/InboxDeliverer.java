package dev.herald.server.runtime;

import dev.herald.core.content.MessageContent;
import dev.herald.core.profile.Channel;
import dev.herald.delivery.Deliverer;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryResult;
import dev.herald.store.Inbox;
import dev.herald.store.InboxItem;
import java.time.Clock;

/** The in-app channel: a message is delivered by putting it into the user's inbox, which the shop's app polls. */
public final class InboxDeliverer implements Deliverer {

    private final Inbox inbox;
    private final Clock clock;

    public InboxDeliverer(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        if (!(delivery.content() instanceof MessageContent.InApp message)) {
            return new DeliveryResult.Rejected("an in-app message needs in-app content, got "
                    + delivery.content().getClass().getSimpleName(), false);
        }
        inbox.add(new InboxItem(delivery.messageId(), delivery.userId(), message.title(), message.markdown(),
                message.callToAction(), message.url(), clock.instant(), null));
        return new DeliveryResult.Accepted(delivery.messageId());
    }
}
