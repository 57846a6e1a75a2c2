package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A generic payload, as the model signals will carry ({@code PreSave<E>} for entity {@code E}):
 * declared from its raw class without a warning, checked against that class at every send.
 */
class GenericPayloadTests {

    record Saved<E>(E instance, boolean created) {
    }

    // Compiles under -Xlint:all -Werror: no raw type, no unchecked cast at the declaration.
    static final Signal<Saved<?>> SAVED = Signal.of("saved", Saved.class);
    static final Signal<Saved<String>> SAVED_TEXT = Signal.of("saved_text", Saved.class);

    @Test
    void aGenericPayloadIsDeclaredFromItsRawClassAndDelivered() {
        List<Object> instances = new ArrayList<>();
        try (SignalConnection c = SAVED.connect((signal, sender, saved) -> instances.add(saved.instance()))) {
            SAVED.fire(String.class, new Saved<>("order 7", true));
        }
        try (SignalConnection c = SAVED_TEXT.connect((signal, sender, saved) -> instances.add(saved.instance().length()))) {
            SAVED_TEXT.fire(String.class, new Saved<>("order 8", false));
        }

        assertEquals(List.of("order 7", 7), instances);
        assertEquals(Saved.class, SAVED.payloadType());
    }

    @Test
    void aPayloadOfAnotherClassIsStillRefused() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Signal<Object> raw = (Signal) SAVED;

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> raw.fire("x", "not saved"));

        assertTrue(error.getMessage().contains(Saved.class.getName()), error.getMessage());
    }
}
