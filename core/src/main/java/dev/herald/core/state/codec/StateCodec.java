package dev.herald.core.state.codec;

import dev.herald.core.experiment.Assignment;
import dev.herald.core.profile.Profile;
import dev.herald.core.state.Armed;
import dev.herald.core.state.Cart;
import dev.herald.core.state.FiredMark;
import dev.herald.core.state.Interest;
import dev.herald.core.state.ScheduledSend;
import dev.herald.core.state.SentMessage;
import dev.herald.core.state.UserState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.util.List;

/**
 * The binary encoding of a {@link UserState} and everything it holds; every field comes back {@code equals}.
 * {@link #write}/{@link #read} put a state into a larger snapshot (sharing its text and products); {@link #encode}/
 * {@link #decode} make a state a value of its own, for a key-value store.
 *
 * <p>A state is: the user id, the {@linkplain ProfileCodec profile}, last activity, orders, revenue, the cart count,
 * the cart (key, lines, start), then the lists of interests, started waits, scheduled messages (each with its
 * {@linkplain DecisionCodec decision}), sent messages and re-entry marks, each as a count and its elements, and
 * (from format version 2) the remembered experiment arms.
 */
public final class StateCodec {

    /** The kind byte of a state encoded on its own. */
    static final int KIND = 'U';

    private StateCodec() {}

    /** Writes a state as part of a larger output. */
    public static void write(UserState state, SnapshotOutput out) throws IOException {
        out.string(state.userId());
        ProfileCodec.write(state.profile(), out);
        out.time(state.lastActivity());
        out.integer(state.orders());
        out.float64(state.revenue());
        out.integer(state.cartCount());
        Cart cart = state.cart();
        out.shared(cart.key());
        Parts.items(cart.items(), out);
        out.time(cart.startedAt());
        out.count(state.interests().size());
        for (Interest interest : state.interests()) {
            Parts.product(interest.product(), out);
            out.time(interest.lastViewed());
            out.time(interest.viewWindowStart());
            out.integer(interest.views());
            out.time(interest.lastCarted());
            out.time(interest.lastPurchased());
        }
        out.count(state.armed().size());
        for (Armed wait : state.armed()) {
            out.integer(wait.trigger());
            out.shared(wait.scopeKey());
            out.time(wait.anchor());
            out.time(wait.due());
            Parts.subject(wait.subject(), out);
        }
        out.count(state.sends().size());
        for (ScheduledSend send : state.sends()) {
            out.integer(send.trigger());
            DecisionCodec.write(send.decision(), out);
            out.time(send.sendAt());
        }
        out.count(state.sent().size());
        for (SentMessage message : state.sent()) {
            out.string(message.messageId());
            out.integer(message.trigger());
            out.u8(Codes.of(message.channel()));
            out.bool(message.marketing());
            out.time(message.sentAt());
            out.integer(message.flags());
        }
        out.count(state.fired().size());
        for (FiredMark mark : state.fired()) {
            out.integer(mark.trigger());
            out.shared(mark.scopeKey());
            out.time(mark.at());
        }
        out.count(state.assignments().size());
        for (Assignment assignment : state.assignments()) {
            out.shared(assignment.experiment());
            out.shared(assignment.variant());
        }
    }

    /**
     * Reads a state written by {@link #write}.
     *
     * @throws CorruptSnapshotException when the input ends early or holds what no writer writes, saying where
     */
    public static UserState read(SnapshotInput in) throws IOException {
        try {
            return readState(in);
        } catch (IllegalArgumentException | NullPointerException | DateTimeException | ArithmeticException e) {
            throw in.invalid("value", e);
        }
    }

    private static UserState readState(SnapshotInput in) throws IOException {
        String userId = in.string("userId");
        in.detail(userId);
        Profile profile = ProfileCodec.read(in);
        long lastActivity = in.time("lastActivity");
        int orders = in.integer("orders");
        double revenue = in.float64("revenue");
        int cartCount = in.integer("cartCount");
        in.enter("cart");
        String cartKey = in.shared("key");
        Cart cart = new Cart(cartKey, Parts.items(in, "items"), in.time("startedAt"));
        in.leave();
        int count = in.count("interests", Parts.MAX_LIST);
        List<Interest> interests = SnapshotInput.listFor(count);
        in.enter("interests");
        for (int i = 0; i < count; i++) {
            in.at(i);
            interests.add(new Interest(Parts.product(in), in.time("lastViewed"), in.time("viewWindowStart"),
                    in.integer("views"), in.time("lastCarted"), in.time("lastPurchased")));
        }
        in.leave();
        count = in.count("armed", Parts.MAX_LIST);
        List<Armed> armed = SnapshotInput.listFor(count);
        in.enter("armed");
        for (int i = 0; i < count; i++) {
            in.at(i);
            armed.add(new Armed(in.integer("trigger"), in.shared("scopeKey"), in.time("anchor"), in.time("due"),
                    Parts.subject(in)));
        }
        in.leave();
        count = in.count("sends", Parts.MAX_LIST);
        List<ScheduledSend> sends = SnapshotInput.listFor(count);
        in.enter("sends");
        for (int i = 0; i < count; i++) {
            in.at(i);
            sends.add(new ScheduledSend(in.integer("trigger"), DecisionCodec.read(in), in.time("sendAt")));
        }
        in.leave();
        count = in.count("sent", Parts.MAX_LIST);
        List<SentMessage> sent = SnapshotInput.listFor(count);
        in.enter("sent");
        for (int i = 0; i < count; i++) {
            in.at(i);
            sent.add(new SentMessage(in.string("messageId"), in.integer("trigger"),
                    Codes.channel(in.u8("channel"), in, "channel"), in.bool("marketing"), in.time("sentAt"),
                    in.integer("flags")));
        }
        in.leave();
        count = in.count("fired", Parts.MAX_LIST);
        List<FiredMark> fired = SnapshotInput.listFor(count);
        in.enter("fired");
        for (int i = 0; i < count; i++) {
            in.at(i);
            fired.add(new FiredMark(in.integer("trigger"), in.shared("scopeKey"), in.time("at")));
        }
        in.leave();
        List<Assignment> assignments = List.of();
        if (in.version() >= 2) {
            count = in.count("assignments", Parts.MAX_LIST);
            assignments = SnapshotInput.listFor(count);
            in.enter("assignments");
            for (int i = 0; i < count; i++) {
                in.at(i);
                assignments.add(new Assignment(in.shared("experiment"), in.shared("variant")));
            }
            in.leave();
        }
        return new UserState(userId, profile, lastActivity, orders, revenue, cartCount, cart, interests, armed,
                sends, sent, fired, assignments);
    }

    /** A state as a value of its own: the format version, a kind byte, and the state. */
    public static byte[] encode(UserState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try {
            SnapshotOutput out = new SnapshotOutput(new DataOutputStream(bytes));
            SnapshotFormat.writeHeader(out, KIND);
            write(state, out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a state made by {@link #encode}.
     *
     * @throws CorruptSnapshotException when the bytes are of another version, truncated, corrupt, or longer than the
     *     state
     */
    public static UserState decode(byte[] bytes) throws CorruptSnapshotException {
        ByteArrayInputStream stream = new ByteArrayInputStream(bytes);
        SnapshotInput in = new SnapshotInput(new DataInputStream(stream));
        try {
            SnapshotFormat.readHeader(in, KIND, "an encoded user state");
            in.enter("state");
            UserState state = read(in);
            in.leave();
            if (stream.available() > 0) {
                throw in.corrupt("end", stream.available() + " bytes follow the state");
            }
            return state;
        } catch (CorruptSnapshotException e) {
            throw e;
        } catch (IOException e) {
            throw new CorruptSnapshotException("reading from memory failed: " + e.getMessage(), e);
        }
    }
}
