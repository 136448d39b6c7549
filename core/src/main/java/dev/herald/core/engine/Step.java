package dev.herald.core.engine;

import dev.herald.core.state.UserState;
import java.util.List;
import java.util.Objects;

/** The result of one step of a user's state machine: the new state and the effects, in order. */
public record Step(UserState state, List<Effect> effects) {

    public Step {
        Objects.requireNonNull(state, "state");
        effects = List.copyOf(effects);
    }
}
