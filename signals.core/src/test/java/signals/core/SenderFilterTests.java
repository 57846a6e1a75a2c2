package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.sender;
import static signals.core.ConnectOption.senderOrSubclassOf;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sender filtering: exact senders (Django's) and a class with its subclasses (what Django users
 * ask for with model inheritance), mixed with receivers for every sender, in connection order.
 */
class SenderFilterTests {

    private final Signal<String> saved = Signal.of("saved", String.class);
    private final List<String> calls = new ArrayList<>();

    @Test
    void aReceiverForAClassAndItsSubclassesHearsTheClassAndEverySubclass() {
        saved.connect((s, sender, text) -> calls.add("animals " + ((Class<?>) sender).getSimpleName()),
                senderOrSubclassOf(Animal.class));

        saved.fire(Animal.class, "x");
        saved.fire(Dog.class, "x");
        saved.fire(Puppy.class, "x");
        saved.fire(Stone.class, "x");
        saved.fire("Animal", "x");

        assertEquals(List.of("animals Animal", "animals Dog", "animals Puppy"), calls);
    }

    @Test
    void anInterfaceStandsForTheClassesThatImplementIt() {
        saved.connect((s, sender, text) -> calls.add("pet"), senderOrSubclassOf(Pet.class));

        saved.fire(Dog.class, "x");
        saved.fire(Stone.class, "x");

        assertEquals(List.of("pet"), calls);
        assertTrue(saved.hasListeners(Puppy.class));
        assertFalse(saved.hasListeners(Stone.class));
    }

    @Test
    void everyKindOfSenderFilterIsCalledInConnectionOrder() {
        saved.connect((s, sender, text) -> calls.add("1 subclasses"), senderOrSubclassOf(Animal.class));
        saved.connect((s, sender, text) -> calls.add("2 any"));
        saved.connect((s, sender, text) -> calls.add("3 exactly Dog"), sender(Dog.class));
        saved.connect((s, sender, text) -> calls.add("4 exactly Stone"), sender(Stone.class));
        saved.connect((s, sender, text) -> calls.add("5 subclasses of Dog"), senderOrSubclassOf(Dog.class));

        saved.fire(Dog.class, "x");

        assertEquals(List.of("1 subclasses", "2 any", "3 exactly Dog", "5 subclasses of Dog"), calls);
    }

    @Test
    void aReceiverConnectedAfterASendIsSeenByTheNextSend() {
        saved.connect((s, sender, text) -> calls.add("subclasses"), senderOrSubclassOf(Animal.class));
        saved.fire(Dog.class, "first");

        saved.connect((s, sender, text) -> calls.add("exactly Dog"), sender(Dog.class));
        saved.fire(Dog.class, "second");

        assertEquals(List.of("subclasses", "subclasses", "exactly Dog"), calls);
    }

    @Test
    void aClassSenderAndTheSameClassWithSubclassesAreTwoConnections() {
        Receiver<String> receiver = (s, sender, text) -> calls.add("heard");
        saved.connect(receiver, sender(Animal.class));
        saved.connect(receiver, senderOrSubclassOf(Animal.class));

        assertEquals(2, saved.receivers().size());
        assertTrue(saved.disconnect(receiver, senderOrSubclassOf(Animal.class)));
        saved.fire(Dog.class, "x");
        assertEquals(List.of(), calls);
        assertTrue(saved.disconnect(receiver, sender(Animal.class)));
        assertTrue(saved.receivers().isEmpty());
    }

    @Test
    void aSenderAndASupertypeForTheSameConnectionIsAnError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> saved.connect((s, sender, text) -> { }, sender(Dog.class), senderOrSubclassOf(Animal.class)));

        assertTrue(error.getMessage().startsWith("sender given twice"), error.getMessage());
    }

    interface Pet {
    }

    static class Animal {
    }

    static class Dog extends Animal implements Pet {
    }

    static final class Puppy extends Dog {
    }

    static final class Stone {
    }
}
