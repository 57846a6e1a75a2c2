package signals.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import signals.jpa.M2mChanged.Action;
import signals.jpa.entities.Part;
import signals.jpa.entities.Vehicle;

/**
 * The m2m_changed payload and sender on their own, as a receiver's own test builds them: ids for
 * adds and removes, none for clears; the association named as the receiver connects to it.
 */
class M2mChangedTests {

    private final Vehicle van = new Vehicle("van");

    @Test
    void addsAndRemovesCarryTheirIdsAndKeepACopy() {
        Set<Object> ids = new HashSet<>(Set.of(1L, 2L));
        M2mChanged added = new M2mChanged(Action.POST_ADD, van, false, Part.class, ids, "shop");
        ids.add(3L);

        assertEquals(Set.of(1L, 2L), added.pkSet());
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> new M2mChanged(Action.PRE_REMOVE, van, false, Part.class, null, "shop"));
        assertTrue(failure.getMessage().contains("pkSet must be given for pre_remove"), failure.getMessage());
    }

    @Test
    void anAssociationIsNamedByItsOwningClassAndAttribute() {
        assertEquals("signals.jpa.entities.Vehicle.defaultParts", ModelSignals.association(Vehicle.class, "defaultParts"));
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> ModelSignals.association(Vehicle.class, " "));
        assertTrue(failure.getMessage().contains("attribute is blank"), failure.getMessage());
    }

    @Test
    void clearsCarryNoIds() {
        assertNull(new M2mChanged(Action.PRE_CLEAR, van, false, Part.class, null, "shop").pkSet());
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> new M2mChanged(Action.POST_CLEAR, van, false, Part.class, Set.of(1L), "shop"));
        assertTrue(failure.getMessage().contains("pkSet must be null for post_clear"), failure.getMessage());
    }
}
