package signals.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static signals.test.TestSignals.SETTING_CHANGED;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.test.OverriddenSettings;
import signals.test.OverrideSetting;
import signals.test.RecordSignals;
import signals.test.SettingChanged;
import signals.test.Settings;
import signals.test.SignalRecorder;
import signals.test.TestReceivers;

/**
 * Issue 23 item 16: a consumer's tests use {@code signals.test} from the outside, on the module
 * path with exactly the Surefire {@code argLine} that {@code signals.test/README.md} documents
 * (see {@link DocumentedArgLineTests}), and on the class path with none.
 */
@RecordSignals
@OverrideSetting(name = SignalsTestConsumerTests.CURRENCY, value = "EUR")
class SignalsTestConsumerTests {

    static final String CURRENCY = "signals.it.currency";

    @RegisterExtension
    final TestReceivers receivers = new TestReceivers();

    @Test
    void aConsumersTestsOverrideSettingsRecordSignalsAndConnectReceiversForOneTest(SignalRecorder recorder) {
        List<SettingChanged> heard = new CopyOnWriteArrayList<>();
        receivers.connect(SETTING_CHANGED, (signal, store, changed) -> heard.add(changed));

        try (OverriddenSettings usd = Settings.override(CURRENCY, "USD")) {
            assertEquals("USD", System.getProperty(CURRENCY));
        }

        assertEquals("EUR", Settings.get(CURRENCY));
        assertEquals(List.of(new SettingChanged(CURRENCY, "USD", true), new SettingChanged(CURRENCY, "EUR", false)), heard);
        recorder.assertSentTimes(SETTING_CHANGED, 2);
    }

    @Test
    void onTheModulePathTheTestsArePatchedIntoTheConsumerAndSignalsTestIsItsOwnModule() {
        boolean modulePath = getClass().getModule().isNamed();

        assertEquals(modulePath ? "signals.it" : null, getClass().getModule().getName());
        assertEquals(modulePath ? "signals.test" : null, SignalRecorder.class.getModule().getName());
        assertEquals(modulePath ? "org.junit.jupiter.api" : null, Test.class.getModule().getName());
        assertNull(System.getProperty("signals.it.currency.unset"));
    }
}
