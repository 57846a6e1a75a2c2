package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Django's keyword-argument signals: {@code pizza_done = Signal()} sent with
 * {@code pizza_done.send(sender="seven", toppings=123, size=456)}, checked against the declared
 * names, and its typed-record counterpart.
 */
class KwargsTests {

    private final Signal<Kwargs> pizzaDone = Signal.withArguments("pizza_done", "toppings", "size");

    @Test
    void receiverGetsExactlyTheArgumentsSent() {
        List<Object> seen = new ArrayList<>();
        pizzaDone.connect((signal, sender, args) -> {
            seen.add(sender);
            seen.add(args.get("toppings", Integer.class));
            seen.add(args.get("size"));
            seen.add(args.names());
        });

        pizzaDone.send("seven", Kwargs.of("toppings", 123, "size", 456));

        assertEquals(List.of("seven", 123, 456, List.of("toppings", "size")), seen);
        assertEquals(List.of("toppings", "size"), pizzaDone.argumentNames());
    }

    @Test
    void typedRecordCarriesTheSameArguments() {
        Signal<PizzaDone> typed = Signal.of("pizza_done", PizzaDone.class);
        List<Object> seen = new ArrayList<>();
        typed.connect((signal, sender, pizza) -> {
            seen.add(sender);
            seen.add(pizza.toppings());
            seen.add(pizza.size());
        });

        typed.send("seven", new PizzaDone(123, 456));

        assertEquals(List.of("seven", 123, 456), seen);
        assertEquals(List.of(), typed.argumentNames());
    }

    @Test
    void argumentsInAnotherOrderAreAccepted() {
        List<Kwargs> seen = new ArrayList<>();
        pizzaDone.connect((signal, sender, args) -> seen.add(args));

        pizzaDone.fire("seven", Kwargs.of("size", 456, "toppings", 123));

        assertEquals(Kwargs.of("toppings", 123, "size", 456), seen.get(0));
    }

    @Test
    void missingArgumentFailsNamingTheSignalAndTheArgument() {
        List<Kwargs> seen = new ArrayList<>();
        pizzaDone.connect((signal, sender, args) -> seen.add(args));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pizzaDone.send("seven", Kwargs.of("toppings", 123)));

        assertTrue(e.getMessage().contains("'pizza_done'"), e.getMessage());
        assertTrue(e.getMessage().contains("missing argument 'size'"), e.getMessage());
        assertEquals(List.of(), seen);
    }

    @Test
    void undeclaredArgumentFailsNamingTheSignalAndTheArgument() {
        List<Kwargs> seen = new ArrayList<>();
        pizzaDone.connect((signal, sender, args) -> seen.add(args));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pizzaDone.fire("seven", Kwargs.of("toppings", 123, "size", 456, "crust", "thin")));

        assertTrue(e.getMessage().contains("'pizza_done'"), e.getMessage());
        assertTrue(e.getMessage().contains("no argument 'crust'"), e.getMessage());
        assertEquals(List.of(), seen);
    }

    @Test
    void everySendChecksTheArgumentsEvenWithoutReceivers() {
        Kwargs missing = Kwargs.of("toppings", 123);

        assertThrows(IllegalArgumentException.class, () -> pizzaDone.fire("seven", missing));
        assertThrows(IllegalArgumentException.class, () -> pizzaDone.send("seven", missing));
        assertThrows(IllegalArgumentException.class, () -> pizzaDone.sendRobust("seven", missing));
        assertThrows(IllegalArgumentException.class, () -> pizzaDone.sendAsync("seven", missing));
        assertThrows(IllegalArgumentException.class, () -> pizzaDone.sendRobustAsync("seven", missing));
    }

    @Test
    void oddCountFailsSayingTheLastNameHasNoValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kwargs.of("toppings", 123, "size"));

        assertTrue(e.getMessage().contains("3 items"), e.getMessage());
        assertTrue(e.getMessage().contains("the last name has no value"), e.getMessage());
    }

    @Test
    void repeatedNameFailsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kwargs.of("toppings", 1, "toppings", 2));

        assertTrue(e.getMessage().contains("'toppings' given twice"), e.getMessage());
    }

    @Test
    void nameThatIsNotAStringFailsNamingItsPositionAndType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kwargs.of("toppings", 1, 2, "size"));

        assertTrue(e.getMessage().contains("position 2"), e.getMessage());
        assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
    }

    @Test
    void aBadNameFurtherOnIsNamedByItsOwnPosition() {
        NullPointerException missing = assertThrows(NullPointerException.class,
                () -> Kwargs.of("toppings", 1, "size", 2, null, 3));
        IllegalArgumentException mistyped = assertThrows(IllegalArgumentException.class,
                () -> Kwargs.of("toppings", 1, "size", 2, 'c', 3));

        assertEquals("argument name at position 4", missing.getMessage());
        assertEquals("argument name at position 4 is a java.lang.Character (c), not a String", mistyped.getMessage());
    }

    @Test
    void argumentsWithOtherNamesOrValuesDiffer() {
        assertEquals(Kwargs.of("toppings", 1), Kwargs.of("toppings", 1));
        assertFalse(Kwargs.of("toppings", 1).equals(Kwargs.of("toppings", 2)));
        assertFalse(Kwargs.of("toppings", 1).equals(Kwargs.of("size", 1)));
        assertFalse(Kwargs.of("toppings", 1).equals("toppings=1"));
    }

    @Test
    void nullNameFailsNamingItsPosition() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Kwargs.of("toppings", 1, null, 2));

        assertEquals("argument name at position 2", e.getMessage());
    }

    @Test
    void valuesMayBeNull() {
        Kwargs args = Kwargs.of("toppings", null, "size", 456);
        List<Object> seen = new ArrayList<>();
        pizzaDone.connect((signal, sender, a) -> seen.add(a.get("toppings")));

        pizzaDone.fire("seven", args);

        assertTrue(args.has("toppings"));
        assertEquals(1, seen.size());
        assertNull(seen.get(0));
    }

    @Test
    void argumentsFromAMapKeepTheMapOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("size", 456);
        map.put("toppings", 123);

        Kwargs args = Kwargs.of(map);

        assertEquals(List.of("size", "toppings"), args.names());
        assertEquals(map, args.asMap());
        assertEquals(Kwargs.of("size", 456, "toppings", 123), args);
        assertEquals("{'size': 456, 'toppings': 123}", args.toString());
    }

    @Test
    void readingAnAbsentOrMistypedArgumentFailsNamingIt() {
        Kwargs args = Kwargs.of("toppings", 123, "size", 456);

        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class, () -> args.get("crust"));
        assertTrue(absent.getMessage().contains("'crust'"), absent.getMessage());
        ClassCastException mistyped = assertThrows(ClassCastException.class, () -> args.get("size", String.class));
        assertTrue(mistyped.getMessage().contains("'size'"), mistyped.getMessage());
        assertTrue(mistyped.getMessage().contains("java.lang.Integer"), mistyped.getMessage());
        assertFalse(args.has("crust"));
    }

    @Test
    void emptyArgumentsFitASignalWithoutArgumentNames() {
        Signal<Kwargs> bare = Signal.withArguments("bare");
        List<Kwargs> seen = new ArrayList<>();
        bare.connect((signal, sender, args) -> seen.add(args));

        bare.fire("seven", Kwargs.none());

        assertEquals(List.of(Kwargs.none()), seen);
        assertThrows(IllegalArgumentException.class, () -> bare.fire("seven", Kwargs.of("size", 1)));
    }

    @Test
    void badArgumentNamesOfASignalFailNamingTheProblem() {
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
                () -> Signal.withArguments("pizza_done", "size", "size"));
        assertTrue(repeated.getMessage().contains("'size' given twice"), repeated.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> Signal.withArguments("pizza_done", "toppings", " "));
        assertTrue(blank.getMessage().contains("argument name 1 of signal 'pizza_done' is blank"),
                blank.getMessage());
        NullPointerException missing = assertThrows(NullPointerException.class,
                () -> Signal.withArguments("pizza_done", "toppings", null));
        assertEquals("argument name 1 of signal 'pizza_done'", missing.getMessage());
        NullPointerException noArray = assertThrows(NullPointerException.class,
                () -> Signal.withArguments("pizza_done", (String[]) null));
        assertEquals("argumentNames", noArray.getMessage());
    }

    @Test
    void onlyAnArgumentsPayloadHasArgumentNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Signal.builder("pizza_done", PizzaDone.class).arguments("toppings"));

        assertTrue(e.getMessage().contains("'pizza_done'"), e.getMessage());
        assertTrue(e.getMessage().contains(PizzaDone.class.getName()), e.getMessage());
    }

    /** The typed counterpart of {@code pizza_done}'s arguments. */
    record PizzaDone(int toppings, int size) {
    }
}
