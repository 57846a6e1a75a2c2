package signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import signals.core.Signals;
import signals.test.internal.TestAdapter;

class TestAdapterTests {

    @Test
    void theAdapterDescribesSettingChangedAndIsInTheInventory() {
        TestAdapter adapter = new TestAdapter();

        assertEquals(List.of(TestSignals.SETTING_CHANGED), adapter.signals());
        assertEquals("JUnit Jupiter: settings overrides", adapter.host());
        assertTrue(Signals.inventory().adapters().stream().anyMatch(found -> found.type().startsWith(TestAdapter.class.getName())
                && found.signals().equals(List.of("setting_changed"))), () -> Signals.inventory().toString());
        assertEquals("signals.test", TestSignals.SETTING_CHANGED.firedBy().orElseThrow());
    }
}
