package dev.herald.core.state.codec;

import dev.herald.core.event.Activity;
import dev.herald.core.event.CartViewed;
import dev.herald.core.event.CheckoutStarted;
import dev.herald.core.event.Engagement;
import dev.herald.core.event.Event;
import dev.herald.core.event.Identify;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.OrderCompleted;
import dev.herald.core.event.OrderShipped;
import dev.herald.core.event.PriceChanged;
import dev.herald.core.event.ProductAdded;
import dev.herald.core.event.ProductRemoved;
import dev.herald.core.event.ProductViewed;
import dev.herald.core.event.UserEvent;
import dev.herald.core.profile.Channel;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * The binary encoding of an {@link Event}, for the events an engine holds back for ordering when it is snapshotted.
 * An event is a pinned type code, its message id, its user id (user events), its timestamp, then its own fields;
 * every field comes back {@code equals}, {@code identify} traits included (see {@link TraitValues}).
 */
public final class EventCodec {

    private EventCodec() {}

    /**
     * Writes an event.
     *
     * @throws IllegalArgumentException when an identify call's traits hold a value that is not a plain value
     */
    public static void write(Event event, SnapshotOutput out) throws IOException {
        out.u8(code(event));
        out.string(event.messageId());
        if (event instanceof UserEvent user) {
            out.shared(user.userId());
        }
        out.instant(event.timestamp());
        switch (event) {
            case ProductViewed viewed -> Parts.product(viewed.product(), out);
            case ProductAdded added -> {
                out.shared(added.cartId());
                item(added.item(), out);
            }
            case ProductRemoved removed -> {
                out.shared(removed.cartId());
                item(removed.item(), out);
            }
            case CartViewed cart -> {
                out.shared(cart.cartId());
                Parts.items(cart.items(), out);
            }
            case CheckoutStarted checkout -> {
                out.shared(checkout.orderId());
                Parts.items(checkout.items(), out);
                out.optionalDecimal(checkout.value());
            }
            case OrderCompleted order -> {
                out.shared(order.orderId());
                Parts.items(order.items(), out);
                out.optionalDecimal(order.revenue());
                out.shared(order.currency());
            }
            case OrderShipped shipped -> {
                out.shared(shipped.orderId());
                Parts.items(shipped.items(), out);
                out.shared(shipped.carrier());
                out.shared(shipped.trackingUrl());
            }
            case Activity activity -> out.shared(activity.name());
            case Identify identify -> TraitValues.writeMap(identify.traits(), out, 0);
            case Engagement engagement -> {
                out.u8(Codes.of(engagement.engagement()));
                out.string(engagement.heraldMessageId());
                out.u8(engagement.channel() == null ? 0 : Codes.of(engagement.channel()));
            }
            case PriceChanged change -> {
                Parts.product(change.product(), out);
                out.decimal(change.previousPrice());
            }
        }
    }

    /** The pinned code of each event type; never reused. */
    private static int code(Event event) {
        return switch (event) {
            case ProductViewed viewed -> 1;
            case ProductAdded added -> 2;
            case ProductRemoved removed -> 3;
            case CartViewed cart -> 4;
            case CheckoutStarted checkout -> 5;
            case OrderCompleted order -> 6;
            case OrderShipped shipped -> 7;
            case Activity activity -> 8;
            case Identify identify -> 9;
            case Engagement engagement -> 10;
            case PriceChanged change -> 11;
        };
    }

    private static void item(LineItem item, SnapshotOutput out) throws IOException {
        Parts.product(item.product(), out);
        out.integer(item.quantity());
    }

    /**
     * Reads an event written by {@link #write}.
     *
     * @throws CorruptSnapshotException when the input ends early or holds what no writer writes, saying where
     */
    public static Event read(SnapshotInput in) throws IOException {
        try {
            return readEvent(in);
        } catch (IllegalArgumentException | NullPointerException | DateTimeException | ArithmeticException e) {
            throw in.invalid("event", e);
        }
    }

    private static Event readEvent(SnapshotInput in) throws IOException {
        int code = in.u8("type");
        if (code < 1 || code > 11) {
            throw in.corrupt("type", "unknown event type code " + code);
        }
        String messageId = in.string("messageId");
        in.detail(messageId);
        String userId = code == 11 ? null : in.shared("userId");
        Instant at = in.instant("timestamp");
        return switch (code) {
            case 1 -> new ProductViewed(messageId, userId, at, Parts.product(in));
            case 2 -> new ProductAdded(messageId, userId, at, in.shared("cartId"), item(in));
            case 3 -> new ProductRemoved(messageId, userId, at, in.shared("cartId"), item(in));
            case 4 -> new CartViewed(messageId, userId, at, in.shared("cartId"), Parts.items(in, "items"));
            case 5 -> new CheckoutStarted(messageId, userId, at, in.shared("orderId"), Parts.items(in, "items"),
                    in.optionalDecimal("value"));
            case 6 -> new OrderCompleted(messageId, userId, at, in.shared("orderId"), Parts.items(in, "items"),
                    in.optionalDecimal("revenue"), in.shared("currency"));
            case 7 -> new OrderShipped(messageId, userId, at, in.shared("orderId"), Parts.items(in, "items"),
                    in.shared("carrier"), in.shared("trackingUrl"));
            case 8 -> new Activity(messageId, userId, at, in.shared("name"));
            case 9 -> new Identify(messageId, userId, at, TraitValues.readMap(in, 0));
            case 10 -> new Engagement(messageId, userId, at, Codes.engagement(in.u8("engagement"), in, "engagement"),
                    in.string("heraldMessageId"), channel(in));
            default -> new PriceChanged(messageId, at, Parts.product(in), in.decimal("previousPrice"));
        };
    }

    private static LineItem item(SnapshotInput in) throws IOException {
        return new LineItem(Parts.product(in), in.integer("quantity"));
    }

    private static Channel channel(SnapshotInput in) throws IOException {
        int code = in.u8("channel");
        return code == 0 ? null : Codes.channel(code, in, "channel");
    }
}
