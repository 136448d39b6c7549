package dev.herald.core.state.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.herald.core.decision.Action;
import dev.herald.core.decision.Decision;
import dev.herald.core.decision.Occurrence;
import dev.herald.core.decision.Reason;
import dev.herald.core.decision.Stage;
import dev.herald.core.decision.Subject;
import dev.herald.core.decision.TraceStep;
import dev.herald.core.engine.Engine;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.Product;
import dev.herald.core.event.UserEvent;
import dev.herald.core.experiment.Assignment;
import dev.herald.core.policy.RandomPolicy;
import dev.herald.core.policy.SeedPolicy;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.ContactPoint;
import dev.herald.core.profile.Profile;
import dev.herald.core.state.Armed;
import dev.herald.core.state.Cart;
import dev.herald.core.state.FiredMark;
import dev.herald.core.state.Interest;
import dev.herald.core.state.ScheduledSend;
import dev.herald.core.state.SentMessage;
import dev.herald.core.state.Times;
import dev.herald.core.state.UserState;
import dev.herald.core.testing.EngineScript;
import dev.herald.core.testing.EngineScript.Script;
import dev.herald.core.testing.TestTriggers;
import dev.herald.core.trigger.MessageKind;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A user state and everything in it comes back {@code equals} from its encoding, and the encoding of what came back
 * is the same bytes. States come from engines running random scripts (sampled as they run, so that waits and
 * scheduled messages are pending) and from hand-built edge cases; bad input fails saying where.
 */
class StateCodecTest {

    static final int SEEDS = Integer.getInteger("herald.seeds", 50);
    static final long FIRST_SEED = Long.getLong("herald.firstSeed", 1);

    static EngineConfig config(long seed) {
        EngineConfig config = EngineConfig.defaults(TestTriggers.shipped(),
                seed / 2 % 2 == 0 ? new SeedPolicy() : new RandomPolicy());
        return config.withNewUserProfile(seed % 2 == 0 ? Profile.ASSUMED_REACHABLE : Profile.EMPTY).withSeed(seed);
    }

    @Test
    void shouldRoundTripEveryStateOfRandomRuns() {
        Set<String> seen = new TreeSet<>();
        int states = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            EngineConfig config = config(seed);
            Script script = EngineScript.generate(seed, config);
            Engine engine = new Engine(config, effect -> {});
            List<String> users = script.log().events().stream()
                    .filter(UserEvent.class::isInstance).map(e -> ((UserEvent) e).userId())
                    .distinct().toList();
            for (int from = 0; from < script.ops().size(); from += 20) {
                script.run(engine, from, Math.min(from + 20, script.ops().size()));
                for (String user : users) {
                    UserState state = engine.find(user).orElse(null);
                    if (state != null) {
                        assertRoundTrip(state, seed);
                        record(state, seen);
                        states++;
                    }
                }
            }
        }
        assertThat(states).isGreaterThan(1000);
        if (SEEDS >= 20) {
            assertThat(seen).as("what the sampled states held").contains("armed", "sends", "sends.propensity",
                    "sent", "sent.flags", "fired", "cart", "interests", "interests.carted", "interests.purchased",
                    "profile.invalid", "profile.zone", "profile.notes", "profile.hours", "profile.consent",
                    "profile.name", "subject.previousPrice", "subject.order", "armed.subject");
        }
    }

    private static void assertRoundTrip(UserState state, long seed) {
        byte[] bytes = StateCodec.encode(state);
        UserState back;
        try {
            back = StateCodec.decode(bytes);
        } catch (CorruptSnapshotException e) {
            throw new AssertionError("seed " + seed + ": the encoding of " + state + " does not decode", e);
        }
        if (!back.equals(state)) {
            fail("seed " + seed + ": state of " + state.userId() + " changed in a round trip\n  before: " + state
                    + "\n  after:  " + back);
        }
        assertThat(StateCodec.encode(back)).as("seed %d: encoding of the decoded state", seed).isEqualTo(bytes);
    }

    private static void record(UserState state, Set<String> seen) {
        Profile profile = state.profile();
        mark(seen, "armed", !state.armed().isEmpty());
        mark(seen, "armed.subject", state.armed().stream().anyMatch(a -> !a.subject().items().isEmpty()));
        mark(seen, "sends", !state.sends().isEmpty());
        mark(seen, "sends.propensity", state.sends().stream().anyMatch(s -> s.decision().propensity() > 0));
        mark(seen, "sends.trace", state.sends().stream().anyMatch(s -> !s.decision().trace().isEmpty()));
        mark(seen, "sent", !state.sent().isEmpty());
        mark(seen, "sent.flags", state.sent().stream().anyMatch(s -> s.flags() != 0));
        mark(seen, "fired", !state.fired().isEmpty());
        mark(seen, "cart", !state.cart().isEmpty());
        mark(seen, "interests", !state.interests().isEmpty());
        mark(seen, "interests.carted", state.interests().stream().anyMatch(i -> i.lastCarted() != Times.NEVER));
        mark(seen, "interests.purchased", state.interests().stream().anyMatch(i -> i.lastPurchased() != Times.NEVER));
        mark(seen, "profile.invalid", !profile.email().problem().isEmpty() || !profile.phone().problem().isEmpty());
        mark(seen, "profile.zone", profile.zone() != null);
        mark(seen, "profile.notes", !profile.notes().isEmpty());
        mark(seen, "profile.hours", !profile.activeHours().isEmpty());
        mark(seen, "profile.consent", profile.consentMask() != 0);
        mark(seen, "profile.name", !profile.firstName().isEmpty());
        for (ScheduledSend send : state.sends()) {
            Subject subject = send.decision().occurrence().subject();
            mark(seen, "subject.previousPrice", subject.previousPrice() != null);
            mark(seen, "subject.order", !subject.orderId().isEmpty() && !subject.carrier().isEmpty());
        }
    }

    private static void mark(Set<String> seen, String what, boolean present) {
        if (present) {
            seen.add(what);
        }
    }

    /** A state with every kind of record and the edges of every field. */
    static UserState odd() {
        Product rich = new Product("p-ü", "Zürich \ud800 lone surrogate, \u0000 nul, 😀 emoji",
                new BigDecimal("12345678901234567890.000001"), "EUR", "a/b", "Brand", "https://shop.example/p",
                "https://img.example/p.png");
        Product bare = Product.ofId("p2");
        Product scaled = new Product("p3", "", new BigDecimal("1E+3"), "", "", "", "", "");
        Profile profile = Profile.EMPTY.withTraits(new LinkedHashMap<>(Map.of("email", "not-an-email", "phone",
                "+14155550123", "pushToken", "tok", "timezone", "Asia/Tokyo", "consent",
                Map.of("email", true, "sms", true, "fax", true), "activeHours", List.of(9, 10, 23), "firstName",
                "Zoë", "locale", "ru-RU", "preferredChannel", "pigeon")))
                .withUnusableContact(Channel.PUSH, "push bounced");
        Subject subject = new Subject(List.of(new LineItem(rich, 2), new LineItem(bare, Integer.MAX_VALUE)), "o-1",
                new BigDecimal("-0.00"), "DHL", "https://track.example/o-1");
        Decision scheduled = new Decision("m_0123456789abcdef", "ué", new Occurrence("price_drop", "p-ü",
                Instant.ofEpochSecond(1_700_000_000L, 123_456_789), Instant.ofEpochMilli(-1), subject),
                MessageKind.MARKETING, -5, null, new Action(Channel.IN_APP, Instant.MAX, "v2"), 0.123456789, "seed",
                "1", List.of(TraceStep.pass(Stage.SEND_CHECK, "moved"), TraceStep.fail(Stage.FATIGUE,
                        Reason.WEEKLY_CAP, "4 in 7 days"), TraceStep.fail(Stage.EXPERIMENT, Reason.HOLDOUT, "held")),
                new Assignment("exp_ü", "short"));
        Decision suppressed = new Decision("m_2", "ué", new Occurrence("order_shipped", "o-1", Instant.MIN,
                Instant.EPOCH, Subject.NONE), MessageKind.TRANSACTIONAL, Integer.MIN_VALUE, Reason.CHANNEL_UNUSABLE,
                null, Double.NaN, "", "", List.of());
        return new UserState("ué", profile, Long.MAX_VALUE - 1, Integer.MAX_VALUE, -0.0, 3,
                new Cart("cart-3", List.of(new LineItem(scaled, 1), new LineItem(rich, 7)), 0),
                List.of(new Interest(rich, 1, 0, 3, Times.NEVER, -1), new Interest(bare, Times.NEVER, Times.NEVER, 0,
                        Times.NEVER, Times.NEVER)),
                List.of(new Armed(0, "user", Times.NEVER, Times.NONE_DUE, Subject.NONE), new Armed(4, "p-ü", 5,
                        6, subject)),
                List.of(new ScheduledSend(1, scheduled, 17), new ScheduledSend(2, suppressed, Long.MIN_VALUE + 1)),
                List.of(new SentMessage("m_x", 3, Channel.WEBHOOK, true, 99, SentMessage.OPENED | SentMessage.CLICKED),
                        new SentMessage("", -1, Channel.EMAIL, false, Times.NEVER, -1)),
                List.of(new FiredMark(0, "user", 42), new FiredMark(Integer.MAX_VALUE, "", Times.NEVER)),
                List.of(new Assignment("exp_ü", Assignment.HOLDOUT), new Assignment("", "")));
    }

    @Test
    void shouldRoundTripTheEdgesOfEveryField() {
        UserState odd = odd();
        assertRoundTrip(odd, 0);
        assertRoundTrip(UserState.fresh("u", Profile.EMPTY), 0);
        assertRoundTrip(UserState.fresh("u", Profile.ASSUMED_REACHABLE), 0);
        Profile offset = Profile.EMPTY.withTraits(Map.of("timezone", "+05:30"));
        assertThat(offset.zone()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertRoundTrip(UserState.fresh("u", offset), 0);
        assertRoundTrip(UserState.fresh("u", new Profile("", new ContactPoint("x".repeat(70_000), "too long"),
                ContactPoint.NONE, ContactPoint.NONE, "", null, "", -1, List.of(), List.of())), 0);
    }

    @Test
    void shouldRefuseEveryTruncatedEncodingSayingWhere() {
        byte[] whole = StateCodec.encode(odd());
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> StateCodec.decode(cut)).as("cut to %d of %d bytes", length, whole.length)
                    .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("truncated");
        }
        assertThatThrownBy(() -> StateCodec.decode(Arrays.copyOf(whole, whole.length - 1)))
                .hasMessage("snapshot is truncated: it ends while reading state (ué) > assignments[1] > variant");
        assertThatThrownBy(() -> StateCodec.decode(Arrays.copyOf(whole, 2)))
                .hasMessage("snapshot is truncated: it ends while reading state > userId");
    }

    @Test
    void shouldRefuseAnotherVersionOrKindOrTrailingBytes() {
        byte[] bytes = StateCodec.encode(odd());
        byte[] version = bytes.clone();
        version[0] = 3;
        assertThatThrownBy(() -> StateCodec.decode(version)).isInstanceOf(CorruptSnapshotException.class)
                .hasMessage("corrupt snapshot: unsupported format version 3 (this build reads versions 1 to 2), "
                        + "reading format version");
        byte[] kind = bytes.clone();
        kind[1] = 'E';
        assertThatThrownBy(() -> StateCodec.decode(kind)).hasMessageContaining("this is not an encoded user state");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 2);
        assertThatThrownBy(() -> StateCodec.decode(longer)).hasMessageContaining("2 bytes follow the state");
    }

    @Test
    void shouldRefuseBadValuesSayingWhere() {
        // A user id claiming 2^31 - 1 bytes: refused before anything is allocated for it.
        byte[] huge = {1, 'U', (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
        assertThatThrownBy(() -> StateCodec.decode(huge))
                .hasMessage("corrupt snapshot: count 2147483647 is over the limit of 67108864, reading state > userId");
        // A user id of 100 MB of 0xff: refused as too long; 60 MB claimed but absent: truncated, read in chunks.
        byte[] claimed = {1, 'U', (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x1c};
        assertThatThrownBy(() -> StateCodec.decode(claimed)).hasMessageContaining("truncated")
                .hasMessageContaining("state > userId");
        byte[] malformed = {1, 'U', 2, (byte) 0xc3, 0x41};
        assertThatThrownBy(() -> StateCodec.decode(malformed))
                .hasMessage("corrupt snapshot: malformed text at byte 0 of 2, reading state > userId");
        byte[] longVarint = {1, 'U', (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0};
        assertThatThrownBy(() -> StateCodec.decode(longVarint)).hasMessageContaining("varint longer than 64 bits");
        // A profile reference to a value not read yet.
        byte[] reference = {1, 'U', 1, 'u', 1};
        assertThatThrownBy(() -> StateCodec.decode(reference))
                .hasMessage("corrupt snapshot: count 1 is over the limit of 0, reading state (u) > profile");
    }

    @Test
    void shouldRefuseUnknownCodesAndRecordsNoWriterWrites() {
        SnapshotInput in = new SnapshotInput(new DataInputStream(new ByteArrayInputStream(new byte[0])));
        in.enter("sent");
        in.at(3);
        assertThatThrownBy(() -> Codes.channel(9, in, "channel"))
                .hasMessage("corrupt snapshot: unknown channel code 9, reading sent[3] > channel");
        assertThatThrownBy(() -> Codes.reason(0, in, "reason")).hasMessageContaining("unknown reason code 0");
        // A decision that both schedules and names a reason: the constructor refuses it, the codec says where.
        UserState state = odd();
        byte[] bytes = StateCodec.encode(state);
        // The same state with the decision suppressed instead encodes the same up to the decision's reason code.
        byte[] changed = StateCodec.encode(withFirstSendReason(state));
        int reason = Arrays.mismatch(bytes, changed);
        byte[] both = bytes.clone();
        both[reason] = changed[reason];
        assertThatThrownBy(() -> StateCodec.decode(both)).isInstanceOf(CorruptSnapshotException.class)
                .hasMessageContaining("invalid value (a decision either schedules an action or names a reason)")
                .hasMessageContaining("state (ué) > sends[0] > decision (m_0123456789abcdef)");
    }

    @Test
    void shouldReadVersionOneEncodingsWhichHaveNoExperimentArms() throws CorruptSnapshotException {
        UserState state = withFirstSendReason(odd());
        UserState plain = new UserState(state.userId(), state.profile(), state.lastActivity(), state.orders(),
                state.revenue(), state.cartCount(), state.cart(), state.interests(), state.armed(), List.of(),
                state.sent(), state.fired());
        byte[] current = StateCodec.encode(plain);
        // Version 1 is version 2 without the trailing count of remembered arms (0 here), when no decision is kept.
        byte[] versionOne = Arrays.copyOf(current, current.length - 1);
        versionOne[0] = 1;

        UserState read = StateCodec.decode(versionOne);

        assertThat(current[current.length - 1]).isZero();
        assertThat(read).isEqualTo(plain);
        assertThatThrownBy(() -> StateCodec.decode(Arrays.copyOf(current, current.length - 1)))
                .hasMessageContaining("truncated").hasMessageContaining("assignments");
    }

    /** The state with its first scheduled send's decision suppressed with a reason (and so without an action). */
    private static UserState withFirstSendReason(UserState state) {
        Decision d = state.sends().get(0).decision();
        Decision suppressed = new Decision(d.id(), d.userId(), d.occurrence(), d.kind(), d.priority(),
                Reason.DUPLICATE, null, d.propensity(), d.policy(), d.policyVersion(), d.trace());
        ScheduledSend send = new ScheduledSend(1, suppressed, state.sends().get(0).sendAt());
        return new UserState(state.userId(), state.profile(), state.lastActivity(), state.orders(), state.revenue(),
                state.cartCount(), state.cart(), state.interests(), state.armed(), List.of(send,
                        state.sends().get(1)),
                state.sent(), state.fired(), state.assignments());
    }
}
