package signals.jpa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The raw-save scope on its own: nesting, closing twice, closing out of order. */
class RawSavesTests {

    @Test
    void anInnerScopeLeavesTheOuterOneOpenAndClosingTwiceIsHarmless() {
        RawSaves outer = ModelSignals.rawSaves();
        try {
            try (RawSaves inner = ModelSignals.rawSaves()) {
                assertTrue(RawSaves.active());
            }
            assertTrue(RawSaves.active(), "the outer scope is still open");

            outer.close();
            assertFalse(RawSaves.active());
            outer.close();
            assertFalse(RawSaves.active());
        } finally {
            outer.close();
        }
    }

    @Test
    void closingTheOuterScopeFirstIsRefused() {
        try (RawSaves outer = ModelSignals.rawSaves()) {
            RawSaves inner = ModelSignals.rawSaves();

            assertThrows(IllegalStateException.class, outer::close);
            inner.close();
        }
        assertFalse(RawSaves.active());
    }
}
