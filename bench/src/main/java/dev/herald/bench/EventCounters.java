package dev.herald.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Events processed by a benchmark, reported by JMH as a rate: the {@code :events} line, events per second. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class EventCounters {

    /** Events processed in the current iteration. */
    public long events;

    @Setup(Level.Iteration)
    public void reset() {
        events = 0;
    }
}
