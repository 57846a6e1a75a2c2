package signals.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import signals.core.Signal;

/** Which signals a mute or a recorder is about: given ones, ones with given names, or all. */
final class Selection {

    private static final Selection ALL = new Selection(List.of(), Set.of());

    private final List<Signal<?>> signals;
    private final Set<String> names;

    private Selection(List<Signal<?>> signals, Set<String> names) {
        this.signals = signals;
        this.names = names;
    }

    static Selection of(Signal<?>... signals) {
        Objects.requireNonNull(signals, "signals");
        if (signals.length == 0) {
            return ALL;
        }
        // Few signals, compared by identity: a list scans faster than a set hashes.
        List<Signal<?>> chosen = new ArrayList<>();
        for (int i = 0; i < signals.length; i++) {
            chosen.add(Objects.requireNonNull(signals[i], "signals[" + i + "]"));
        }
        return new Selection(chosen, Set.of());
    }

    static Selection named(String... names) {
        if (names.length == 0) {
            return ALL;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : names) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("A signal's name must not be blank: " + Arrays.toString(names));
            }
            chosen.add(name);
        }
        return new Selection(List.of(), chosen);
    }

    boolean matches(Signal<?> signal) {
        if (this == ALL) {
            return true;
        }
        for (Signal<?> chosen : signals) {
            if (chosen == signal) {
                return true;
            }
        }
        return !names.isEmpty() && names.contains(signal.name());
    }

    @Override
    public String toString() {
        if (this == ALL) {
            return "every signal";
        }
        Set<String> shown = new LinkedHashSet<>(names);
        signals.forEach(signal -> shown.add(signal.name()));
        return String.join(", ", shown);
    }
}
