package dev.herald.core.time;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Where engine time comes from: the port through which a runtime tells the engine what time it is. Live, engine time
 * is the wall clock; in a replay, a simulation or a test driven from outside, it is the time of the latest event, so
 * weeks of behaviour run in seconds through the same code. The engine itself never reads a clock: a runtime asks
 * its {@code EngineClock} and moves the engine to that time ({@link dev.herald.core.engine.Engine#tick}).
 */
public sealed interface EngineClock {

    /** The current engine time. */
    Instant now();

    /** Engine time is the wall clock (or any {@link Clock}, such as a fixed one in a test). */
    static EngineClock wall(Clock clock) {
        return new Wall(clock);
    }

    /** Engine time follows the events: it is the latest event time observed, and never goes back. */
    static EventTime eventTime() {
        return new EventTime();
    }

    /** The wall clock. Thread-safe. */
    record Wall(Clock clock) implements EngineClock {
        public Wall {
            Objects.requireNonNull(clock, "clock");
        }

        @Override
        public Instant now() {
            return clock.instant();
        }
    }

    /** The time of the latest event observed. Not thread-safe: one runtime thread observes and reads it. */
    final class EventTime implements EngineClock {
        private Instant latest = Instant.EPOCH;

        private EventTime() {}

        /** Moves engine time to an event's time, if it is later than what was seen. */
        public void observe(Instant eventTime) {
            if (eventTime.isAfter(latest)) {
                latest = eventTime;
            }
        }

        @Override
        public Instant now() {
            return latest;
        }
    }
}
