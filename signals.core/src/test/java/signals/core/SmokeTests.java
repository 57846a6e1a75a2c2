package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static signals.core.ConnectOption.sender;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTests {

    record PizzaDone(int toppings, int size) {}

    @Test
    void sendReachesReceiversInConnectionOrderAndFiltersBySender() {
        Signal<PizzaDone> pizzaDone = Signal.of("pizza_done", PizzaDone.class);
        List<String> calls = new ArrayList<>();
        pizzaDone.connect((signal, s, p) -> calls.add("any " + s + " " + p.toppings()));
        pizzaDone.connect((signal, s, p) -> calls.add("seven only"), sender("seven"));
        pizzaDone.connect((signal, s, p) -> calls.add("eight only"), sender("eight"));
        pizzaDone.fire("seven", new PizzaDone(123, 456));
        assertEquals(List.of("any seven 123", "seven only"), calls);
        assertEquals(2, pizzaDone.send("seven", new PizzaDone(1, 2)).size());
    }
}
