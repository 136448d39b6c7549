package dev.herald.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that reads whichever clock it is set to: the parts built before the engine runner use its time. */
final class DelegatingClock extends Clock {

    private final AtomicReference<Clock> target;

    DelegatingClock(AtomicReference<Clock> target) {
        this.target = target;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return target.get().instant();
    }
}
