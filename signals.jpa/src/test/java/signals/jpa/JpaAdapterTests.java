package signals.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import signals.jpa.internal.JpaAdapter;

/** What this module's adapter tells signals.core's discovery, which asks once per copy of signals.core. */
class JpaAdapterTests {

    @Test
    void adapterDeclaresEveryModelSignalAndNamesItsHost() {
        JpaAdapter adapter = new JpaAdapter();

        assertEquals(List.of(ModelSignals.PRE_INIT, ModelSignals.POST_INIT, ModelSignals.PRE_SAVE, ModelSignals.POST_SAVE,
                ModelSignals.PRE_DELETE, ModelSignals.POST_DELETE, ModelSignals.M2M_CHANGED, ModelSignals.CLASS_PREPARED,
                ModelSignals.PRE_MIGRATE, ModelSignals.POST_MIGRATE), adapter.signals());
        assertTrue(adapter.host().startsWith("Hibernate ORM"), adapter.host());
    }
}
