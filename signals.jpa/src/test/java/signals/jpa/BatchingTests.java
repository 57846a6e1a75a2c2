package signals.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static signals.core.ConnectOption.sender;
import static signals.jpa.ModelSignals.POST_SAVE;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.RollbackException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.jpa.entities.Document;
import signals.jpa.entities.Person;
import signals.test.TestReceivers;

/**
 * post_save under JDBC batching ({@code hibernate.jdbc.batch_size}): Hibernate reports a row when
 * it joins the batch, and runs the batch at the end of each kind of statement in the flush. These
 * tests pin that post_save fires then, before the row is written.
 */
class BatchingTests {

    private Database db;
    private EntityManagerFactory unit;

    @RegisterExtension
    final TestReceivers receivers = new TestReceivers();

    @BeforeEach
    void openABatchingUnit() {
        db = Database.h2();
        unit = TestUnits.jpa("shop", db, Map.of("jakarta.persistence.schema-generation.database.action",
                "drop-and-create", "hibernate.jdbc.batch_size", "10", "hibernate.order_inserts", "true"));
    }

    @AfterEach
    void closeEverything() throws Exception {
        unit.close();
        db.close();
    }

    @Test
    void postSaveFiresWhenTheRowJoinsTheBatchBeforeItIsWritten() {
        List<Long> rowsSeen = new CopyOnWriteArrayList<>();
        TestUnits.runInTransaction(unit, em -> {
            receivers.add(POST_SAVE.connect((signal, sender, save) -> rowsSeen.add(
                    db.queryLong("SELECT COUNT(*) FROM Document") + db.countInside(em, "Document")), sender(Document.class)));
            for (int i = 0; i < 3; i++) {
                em.persist(new Document("Batched " + i));
            }
            em.flush();
            assertEquals(3, db.countInside(em, "Document"), "written at the end of the flush's inserts");
        });

        assertEquals(List.of(0L, 0L, 0L), rowsSeen);
        assertEquals(3, db.count("Document"));
    }

    @Test
    void aRowThatFailsInTheBatchHasHadItsPostSaveAndRollsBack() {
        TestUnits.runInTransaction(unit, em -> em.persist(new Person(1L, "John", "Smith")));
        List<Object> saved = new CopyOnWriteArrayList<>();
        receivers.add(POST_SAVE.connect((signal, sender, save) -> saved.add(save.instance()), sender(Person.class)));

        assertThrows(RollbackException.class, () -> TestUnits.runInTransaction(unit, em -> {
            em.persist(new Person(2L, "Jane", "Doe"));
            em.persist(new Person(1L, "Again", "Smith"));   // the primary key is taken
        }));
        assertEquals(2, saved.size(), "post_save came before the batch failed");
        assertEquals(1, db.count("Person"));
    }
}
