package signals.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import signals.jpa.M2mChanged.Action;
import signals.jpa.entities.Part;
import signals.jpa.entities.Vehicle;

/**
 * The m2m_changed payload and sender on their own, as a receiver's own test builds them: ids for
 * adds and removes, none for clears; the association named as the receiver connects to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class M2mChangedTests {

    private final Vehicle van = new Vehicle("van");
    private Database db;
    private EntityManagerFactory unit;
    private EntityManager em;

    @BeforeAll
    void openAnEntityManager() {
        db = Database.h2();
        unit = TestUnits.jpa("archive", db, TestUnits.CREATE_DROP);
        em = unit.createEntityManager();
    }

    @AfterAll
    void closeIt() throws Exception {
        em.close();
        unit.close();
        db.close();
    }

    @Test
    void addsAndRemovesCarryTheirIdsAndKeepACopy() {
        Set<Object> ids = new HashSet<>(Set.of(1L, 2L));
        M2mChanged added = new M2mChanged(Action.POST_ADD, van, false, Part.class, ids, "shop", em);
        ids.add(3L);

        assertEquals(Set.of(1L, 2L), added.pkSet());
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> new M2mChanged(Action.PRE_REMOVE, van, false, Part.class, null, "shop", em));
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
        assertNull(new M2mChanged(Action.PRE_CLEAR, van, false, Part.class, null, "shop", em).pkSet());
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> new M2mChanged(Action.POST_CLEAR, van, false, Part.class, Set.of(1L), "shop", em));
        assertTrue(failure.getMessage().contains("pkSet must be null for post_clear"), failure.getMessage());
    }
}
