package signals.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import signals.core.Kwargs;
import signals.core.Signal;
import signals.examples.demo.SendLog.Key;

/** One readable line per send, and counts per signal and per kind of send. */
class SendLogTests {

    private final List<String> printed = new ArrayList<>();
    private final SendLog log = new SendLog(printed::add);

    @Test
    void aRecordPayloadIsPrintedAsItsComponents() {
        Signal<Saved> saved = Signal.of("saved", Saved.class);

        log.sending(saved, Saved.class, new Saved("Order#1", true));

        assertEquals(List.of("  saved                  Saved            instance=\"Order#1\", created=true"), printed);
    }

    @Test
    void keywordArgumentsArePrintedByName() {
        Signal<Kwargs> done = Signal.withArguments("done", "toppings");

        log.sending(done, "seven", Kwargs.of("toppings", 1));

        assertEquals(List.of("  done                   \"seven\"          toppings=1"), printed);
    }

    @Test
    void sendsAreCountedPerSignalAndPerKindWhereTheSummaryAsksForKinds() {
        Signal<Saved> saved = Signal.of("post_save", Saved.class);
        Signal<Changed> changed = Signal.of("m2m_changed", Changed.class);

        log.sending(saved, null, new Saved("a", true));
        log.sending(saved, null, new Saved("a", false));
        log.sending(saved, null, new Saved("b", true));
        log.sending(changed, null, new Changed(Action.PRE_ADD));

        assertEquals(Map.of(new Key("post_save", null), 3, new Key("post_save", "created"), 2,
                new Key("post_save", "updated"), 1, new Key("m2m_changed", null), 1,
                new Key("m2m_changed", "pre_add"), 1), log.counts());
        assertEquals(Map.of("post_save", "custom", "m2m_changed", "custom"), log.firedBy());
    }

    @Test
    void otherSignalsAreNotSplitByKindEvenWithAnActionOrCreatedField() {
        Signal<Changed> migrated = Signal.of("pre_migrate", Changed.class);

        log.sending(migrated, null, new Changed(Action.PRE_ADD));

        assertEquals(Map.of(new Key("pre_migrate", null), 1), log.counts());
    }

    @Test
    void longValuesAreCutShort() {
        String described = SendLog.describe(List.of("x".repeat(100)));

        assertEquals(60, described.length());
        assertEquals("...", described.substring(57));
    }

    record Saved(String instance, boolean created) {
    }

    record Changed(Action action) {
    }

    enum Action { PRE_ADD }
}
