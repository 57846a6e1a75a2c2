package signals.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import signals.core.Arguments;
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
        Signal<Arguments> done = Signal.withArguments("done", "toppings");

        log.sending(done, "seven", Arguments.of("toppings", 1));

        assertEquals(List.of("  done                   \"seven\"          toppings=1"), printed);
    }

    @Test
    void sendsAreCountedPerSignalAndPerKind() {
        Signal<Saved> saved = Signal.of("saved", Saved.class);
        Signal<Changed> changed = Signal.of("changed", Changed.class);

        log.sending(saved, null, new Saved("a", true));
        log.sending(saved, null, new Saved("a", false));
        log.sending(saved, null, new Saved("b", true));
        log.sending(changed, null, new Changed(Action.PRE_ADD));

        assertEquals(Map.of(new Key("saved", null), 3, new Key("saved", "created"), 2, new Key("saved", "updated"), 1,
                new Key("changed", null), 1, new Key("changed", "pre_add"), 1), log.counts());
        assertEquals(Map.of("saved", "custom", "changed", "custom"), log.firedBy());
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
