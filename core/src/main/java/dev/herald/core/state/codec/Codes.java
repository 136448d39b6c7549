package dev.herald.core.state.codec;

import dev.herald.core.decision.Reason;
import dev.herald.core.decision.Stage;
import dev.herald.core.event.EngagementType;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.MessageKind;
import java.io.IOException;

/**
 * The snapshot codes of the enums a state holds, pinned here rather than taken from ordinals, so that reordering
 * or adding constants does not change what old snapshots mean. A new constant does not compile until it is given
 * a code (the switches are exhaustive); codes are never reused. {@code 0} stands for "none" where a value is
 * optional.
 */
final class Codes {

    private Codes() {}

    static int of(Channel channel) {
        return switch (channel) {
            case EMAIL -> 1;
            case SMS -> 2;
            case PUSH -> 3;
            case IN_APP -> 4;
            case WEBHOOK -> 5;
        };
    }

    static Channel channel(int code, SnapshotInput in, String field) throws IOException {
        return switch (code) {
            case 1 -> Channel.EMAIL;
            case 2 -> Channel.SMS;
            case 3 -> Channel.PUSH;
            case 4 -> Channel.IN_APP;
            case 5 -> Channel.WEBHOOK;
            default -> throw in.corrupt(field, "unknown channel code " + code);
        };
    }

    static int of(Reason reason) {
        return switch (reason) {
            case NO_REACHABLE_CHANNEL -> 1;
            case DUPLICATE -> 2;
            case LOWER_PRIORITY -> 3;
            case WEEKLY_CAP -> 4;
            case MIN_SPACING -> 5;
            case CHANNEL_CAP -> 6;
            case IGNORES_US -> 7;
            case NO_SEND_SLOT -> 8;
            case POLICY_DECLINED -> 9;
            case EXITED -> 10;
            case PREEMPTED -> 11;
            case QUIET_HOURS -> 12;
            case CHANNEL_UNUSABLE -> 13;
            case HOLDOUT -> 14;
        };
    }

    static Reason reason(int code, SnapshotInput in, String field) throws IOException {
        return switch (code) {
            case 1 -> Reason.NO_REACHABLE_CHANNEL;
            case 2 -> Reason.DUPLICATE;
            case 3 -> Reason.LOWER_PRIORITY;
            case 4 -> Reason.WEEKLY_CAP;
            case 5 -> Reason.MIN_SPACING;
            case 6 -> Reason.CHANNEL_CAP;
            case 7 -> Reason.IGNORES_US;
            case 8 -> Reason.NO_SEND_SLOT;
            case 9 -> Reason.POLICY_DECLINED;
            case 10 -> Reason.EXITED;
            case 11 -> Reason.PREEMPTED;
            case 12 -> Reason.QUIET_HOURS;
            case 13 -> Reason.CHANNEL_UNUSABLE;
            case 14 -> Reason.HOLDOUT;
            default -> throw in.corrupt(field, "unknown reason code " + code);
        };
    }

    static int of(Stage stage) {
        return switch (stage) {
            case ELIGIBILITY -> 1;
            case FATIGUE -> 2;
            case POLICY -> 3;
            case SCHEDULE -> 4;
            case SEND_CHECK -> 5;
            case WRITE -> 6;
            case EXPERIMENT -> 7;
        };
    }

    static Stage stage(int code, SnapshotInput in, String field) throws IOException {
        return switch (code) {
            case 1 -> Stage.ELIGIBILITY;
            case 2 -> Stage.FATIGUE;
            case 3 -> Stage.POLICY;
            case 4 -> Stage.SCHEDULE;
            case 5 -> Stage.SEND_CHECK;
            case 6 -> Stage.WRITE;
            case 7 -> Stage.EXPERIMENT;
            default -> throw in.corrupt(field, "unknown stage code " + code);
        };
    }

    static int of(MessageKind kind) {
        return switch (kind) {
            case MARKETING -> 1;
            case TRANSACTIONAL -> 2;
        };
    }

    static MessageKind kind(int code, SnapshotInput in, String field) throws IOException {
        return switch (code) {
            case 1 -> MessageKind.MARKETING;
            case 2 -> MessageKind.TRANSACTIONAL;
            default -> throw in.corrupt(field, "unknown message kind code " + code);
        };
    }

    static int of(EngagementType type) {
        return switch (type) {
            case DELIVERED -> 1;
            case OPENED -> 2;
            case CLICKED -> 3;
            case UNSUBSCRIBED -> 4;
            case BOUNCED -> 5;
            case FAILED -> 6;
        };
    }

    static EngagementType engagement(int code, SnapshotInput in, String field) throws IOException {
        return switch (code) {
            case 1 -> EngagementType.DELIVERED;
            case 2 -> EngagementType.OPENED;
            case 3 -> EngagementType.CLICKED;
            case 4 -> EngagementType.UNSUBSCRIBED;
            case 5 -> EngagementType.BOUNCED;
            case 6 -> EngagementType.FAILED;
            default -> throw in.corrupt(field, "unknown engagement code " + code);
        };
    }
}
