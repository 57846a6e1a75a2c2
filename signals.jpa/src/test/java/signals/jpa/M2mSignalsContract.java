package signals.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.sender;
import static signals.jpa.ModelSignals.M2M_CHANGED;
import static signals.jpa.ModelSignals.POST_SAVE;
import static signals.jpa.ModelSignals.PRE_SAVE;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import signals.core.Receiver;
import signals.core.SignalConnection;
import signals.jpa.entities.Part;
import signals.jpa.entities.SportsCar;
import signals.jpa.entities.Vehicle;

/**
 * Django's tests/m2m_signals/tests.py, one behaviour per method, on a bidirectional
 * {@code @ManyToMany} (Vehicle.defaultParts and Vehicle.optionalParts, mapped by Part.vehicles and
 * Part.vehiclesOptional). Where JPA cannot behave as Django does, the test pins what it does and
 * says why.
 */
abstract class M2mSignalsContract extends UnitContract {

    static final String DEFAULT_PARTS = ModelSignals.association(Vehicle.class, "defaultParts");
    static final String OPTIONAL_PARTS = ModelSignals.association(Vehicle.class, "optionalParts");

    /** Each m2m_changed, written as "action instance reverse model [names]". */
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final Map<Object, String> names = new HashMap<>();
    Vehicle vw;
    Vehicle bmw;
    Vehicle toyota;
    Part wheelset;
    Part doors;
    Part engine;
    Part airbag;
    Part sunroof;

    @BeforeEach
    void createCarsAndParts() {
        vw = new Vehicle("VW");
        bmw = new Vehicle("BMW");
        toyota = new Vehicle("Toyota");
        wheelset = new Part("Wheelset");
        doors = new Part("Doors");
        engine = new Part("Engine");
        airbag = new Part("Airbag");
        sunroof = new Part("Sunroof");
        runInTransaction(em -> {
            List.of(wheelset, doors, engine, airbag, sunroof, vw, bmw, toyota).forEach(em::persist);
            vw.getDefaultParts().add(sunroof);
        });
        for (Vehicle vehicle : List.of(vw, bmw, toyota)) {
            names.put(vehicle.getId().toString() + "v", vehicle.getName());
        }
        for (Part part : List.of(wheelset, doors, engine, airbag, sunroof)) {
            names.put(part.getId().toString() + "p", part.getName());
        }
        // As Django's setUp, the receivers are connected after vw got its sunroof.
        Receiver<M2mChanged> receiver = (signal, association, change) -> changes.add(describe(change));
        connections.add(M2M_CHANGED.connect(receiver, sender(DEFAULT_PARTS)));
        connections.add(M2M_CHANGED.connect(receiver, sender(OPTIONAL_PARTS)));
    }

    @AfterEach
    void forgetTheFixtures() {
        changes.clear();
        names.clear();
    }

    private String describe(M2mChanged change) {
        String suffix = change.model() == Part.class ? "p" : "v";
        String pks = "";
        if (change.pkSet() != null) {
            Set<String> sorted = new TreeSet<>();
            change.pkSet().forEach(id -> sorted.add(names.getOrDefault(id + suffix, "new " + id)));
            pks = " " + sorted;
        }
        String instance = change.instance() instanceof Vehicle v ? v.getName() : ((Part) change.instance()).getName();
        return change.action().djangoName() + " " + instance + " " + change.reverse() + " "
                + change.model().getSimpleName() + pks;
    }

    /** Runs work on managed copies of the fixtures, found by id, in one transaction. */
    void change(Consumer<Managed> work) {
        runInTransaction(em -> work.accept(new Managed(em)));
    }

    /** The fixtures as the running transaction's persistence context holds them. */
    final class Managed {
        final EntityManager em;

        Managed(EntityManager em) {
            this.em = em;
        }

        Vehicle vehicle(Vehicle v) {
            return em.find(Vehicle.class, v.getId());
        }

        Part part(Part p) {
            return em.find(Part.class, p.getId());
        }

        Set<Part> parts(Part... parts) {
            Set<Part> managed = new HashSet<>();
            for (Part part : parts) {
                managed.add(part(part));
            }
            return managed;
        }

        Set<Vehicle> vehicles(Vehicle... vehicles) {
            Set<Vehicle> managed = new HashSet<>();
            for (Vehicle vehicle : vehicles) {
                managed.add(vehicle(vehicle));
            }
            return managed;
        }
    }

    long joinRows(String table) {
        return db.count(table);
    }

    @Test
    void anAssociationThatIsNoneIsRefusedNamingTheOnesTheClassOwns() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> ModelSignals.association(Vehicle.class, "defualtParts"));
        assertEquals("ModelSignals.association(Vehicle.class, \"defualtParts\") names no @ManyToMany association"
                + " owned by signals.jpa.entities.Vehicle; it owns: defaultParts, optionalParts", typo.getMessage());

        IllegalArgumentException inverse = assertThrows(IllegalArgumentException.class,
                () -> ModelSignals.association(Part.class, "vehicles"));
        assertTrue(inverse.getMessage().contains("names the mappedBy side of signals.jpa.entities.Vehicle.defaultParts:"
                + " name the owning side, ModelSignals.association(Vehicle.class, \"defaultParts\")"),
                inverse.getMessage());

        assertEquals("signals.jpa.entities.Vehicle.defaultParts", ModelSignals.association(Vehicle.class, "defaultParts"));
    }

    @Test
    void aModelBindsM2mChangedToOneAssociationAndAnyToAll() {
        List<String> vehicles = new ArrayList<>();
        List<String> all = new ArrayList<>();
        connections.addAll(Model.of(Vehicle.class).m2mChanged("defaultParts",
                (signal, association, change) -> vehicles.add(change.action().djangoName())).connect());
        connections.addAll(Model.any().m2mChanged((signal, association, change) ->
                all.add(association + " " + change.action().djangoName())).connect());
        Part wheel = new Part("wheel");
        Vehicle van = new Vehicle("van");
        runInTransaction(em -> {
            em.persist(wheel);
            em.persist(van);
            van.getDefaultParts().add(wheel);
            van.getOptionalParts().add(wheel);
        });

        assertEquals(List.of("pre_add", "post_add"), vehicles);
        assertEquals(4, all.size(), all.toString());
        assertThrows(IllegalStateException.class, () -> Model.any().m2mChanged("parts", (signal, association, change) -> { }));
        assertThrows(IllegalStateException.class, () -> Model.of(Vehicle.class).m2mChanged((signal, association, change) -> { }));
    }

    @Test
    void anAddSendsOnlyTheIdsReallyAdded() {
        // test_pk_set_on_repeated_add_remove. Django sends pre_add again with an empty pk_set for
        // the repeated add, and the submitted id again for the repeated remove; a JPA collection
        // does not change then, so nothing is sent.
        change(m -> m.vehicle(vw).getDefaultParts().add(m.part(wheelset)));
        change(m -> m.vehicle(vw).getDefaultParts().add(m.part(wheelset)));
        change(m -> m.vehicle(vw).getDefaultParts().remove(m.part(wheelset)));
        change(m -> m.vehicle(vw).getDefaultParts().remove(m.part(wheelset)));

        assertEquals(List.of("pre_add VW false Part [Wheelset]", "post_add VW false Part [Wheelset]",
                "pre_remove VW false Part [Wheelset]", "post_remove VW false Part [Wheelset]"), changes);
    }

    @Test
    void addingPartsSendsPreAddAndPostAddWithTheNewPartsOnly() {
        // test_m2m_relations_add_remove_clear: the sunroof vw already had is not in pk_set
        change(m -> m.vehicle(vw).getDefaultParts().addAll(m.parts(wheelset, doors, engine)));

        assertEquals(List.of("pre_add VW false Part [Doors, Engine, Wheelset]",
                "post_add VW false Part [Doors, Engine, Wheelset]"), changes);
        assertEquals(4, joinRows("vehicle_default_parts"));
    }

    @Test
    void addingThroughTheMappedBySideIsReverse() {
        // test_m2m_relations_add_remove_clear: doors.car_set.add(bmw, toyota). JPA writes the
        // owning side only, so the application keeps both sides: each side's change is announced,
        // the owning side's with reverse=false, the mappedBy side's with reverse=true.
        change(m -> {
            Part managedDoors = m.part(doors);
            for (Vehicle car : m.vehicles(bmw, toyota)) {
                managedDoors.getVehicles().add(car);
                car.getDefaultParts().add(managedDoors);
            }
        });

        assertEquals(Set.of("pre_add Doors true Vehicle [BMW, Toyota]", "pre_add BMW false Part [Doors]",
                "pre_add Toyota false Part [Doors]", "post_add Doors true Vehicle [BMW, Toyota]",
                "post_add BMW false Part [Doors]", "post_add Toyota false Part [Doors]"), Set.copyOf(changes));
        assertEquals(6, changes.size());
        assertEquals(3, joinRows("vehicle_default_parts"));
    }

    @Test
    void removingSendsOnlyWhatWasThere() {
        // test_m2m_relations_signals_remove_relation: Django's pk_set also names the airbag, which
        // was never related; the JPA collection does not change for it.
        change(m -> m.vehicle(vw).getDefaultParts().addAll(m.parts(engine)));
        changes.clear();
        change(m -> m.vehicle(vw).getDefaultParts().removeAll(m.parts(engine, airbag)));

        assertEquals(List.of("pre_remove VW false Part [Engine]", "post_remove VW false Part [Engine]"), changes);
    }

    @Test
    void aSecondAssociationToTheSameModelHasItsOwnSender() {
        // test_m2m_relations_signals_give_the_self_vw_some_optional_parts, and tearDown's four senders
        List<M2mChanged> defaultOnly = new ArrayList<>();
        connections.add(M2M_CHANGED.connect((signal, association, change) -> defaultOnly.add(change),
                sender(DEFAULT_PARTS)));
        change(m -> m.vehicle(vw).getOptionalParts().addAll(m.parts(airbag, sunroof)));

        assertEquals(List.of("pre_add VW false Part [Airbag, Sunroof]", "post_add VW false Part [Airbag, Sunroof]"),
                changes);
        assertEquals(List.of(), defaultOnly);
    }

    @Test
    void addingThroughTheMappedBySideSendsOnlyTheNewOnes() {
        // test_m2m_relations_signals_give_the_self_vw_some_optional_parts: airbag.cars_optional.add(vw, bmw,
        // toyota) when vw already has the airbag sends [bmw, toyota]
        change(m -> m.vehicle(vw).getOptionalParts().add(m.part(airbag)));
        changes.clear();
        change(m -> m.part(airbag).getVehiclesOptional().addAll(m.vehicles(vw, bmw, toyota)));

        assertEquals(List.of("pre_add Airbag true Vehicle [BMW, Toyota]", "post_add Airbag true Vehicle [BMW, Toyota]"),
                changes);
    }

    @Test
    void removingThroughTheMappedBySideIsReverse() {
        // test_m2m_relations_signals_reverse_relation_with_custom_related_name
        change(m -> {
            m.vehicle(vw).getOptionalParts().add(m.part(airbag));
            m.vehicle(bmw).getOptionalParts().add(m.part(airbag));
        });
        changes.clear();
        change(m -> m.part(airbag).getVehiclesOptional().remove(m.vehicle(vw)));

        assertEquals(List.of("pre_remove Airbag true Vehicle [VW]", "post_remove Airbag true Vehicle [VW]"), changes);
    }

    @Test
    void removingTheLastElementReadsAsAClear() {
        // Hibernate writes an emptied collection as one DELETE of all its rows, the SQL of
        // clear(), and cannot tell the two apart: both send pre_clear and post_clear.
        change(m -> m.vehicle(vw).getDefaultParts().remove(m.part(sunroof)));

        assertEquals(List.of("pre_clear VW false Part", "post_clear VW false Part"), changes);
    }

    @Test
    void aChangeToAnUnloadedMappedBySideIsNotAnnounced() {
        // Hibernate queues it without loading the collection, writes nothing for it, and
        // forgets the queue before any event could see it.
        change(m -> m.vehicle(bmw).getDefaultParts().add(m.part(doors)));
        changes.clear();
        change(m -> m.part(doors).getVehicles().clear());

        assertEquals(List.of(), changes);
        assertEquals(2, joinRows("vehicle_default_parts"), "the owning side still holds its rows");
    }

    @Test
    void clearingSendsPreClearAndPostClearWithoutIds() {
        // test_m2m_relations_signals_clear_all_parts_of_the_self_vw
        change(m -> m.vehicle(vw).getDefaultParts().addAll(m.parts(doors, engine)));
        changes.clear();
        change(m -> m.vehicle(vw).getDefaultParts().clear());

        assertEquals(List.of("pre_clear VW false Part", "post_clear VW false Part"), changes);
        assertEquals(0, joinRows("vehicle_default_parts"));
    }

    @Test
    void clearingTheMappedBySideIsReverse() {
        // test_m2m_relations_signals_all_the_doors_off_of_cars, test_m2m_relations_signals_reverse_relation
        change(m -> m.vehicle(bmw).getDefaultParts().add(m.part(doors)));
        changes.clear();
        change(m -> {
            Set<Vehicle> vehicles = m.part(doors).getVehicles();
            assertEquals(1, vehicles.size());   // loaded, so that the change is known
            vehicles.clear();
        });

        assertEquals(List.of("pre_clear Doors true Vehicle", "post_clear Doors true Vehicle"), changes);
    }

    @Test
    void aPartCreatedAndAddedSendsItsSavesThenTheAdd() {
        // test_m2m_relations_signals_alternative_ways: vw.default_parts.create(name="Windows")
        List<String> all = new CopyOnWriteArrayList<>();
        connections.add(PRE_SAVE.connect((signal, sender, save) -> all.add("pre_save"), sender(Part.class)));
        connections.add(POST_SAVE.connect((signal, sender, save) -> all.add("post_save"), sender(Part.class)));
        connections.add(M2M_CHANGED.connect((signal, association, change) -> all.add(change.action().djangoName()),
                sender(DEFAULT_PARTS)));
        change(m -> {
            Part windows = new Part("Windows");
            m.em.persist(windows);
            m.vehicle(vw).getDefaultParts().add(windows);
        });

        assertEquals(List.of("pre_save", "post_save", "pre_add", "post_add"), all);
    }

    @Test
    void replacingTheCollectionSendsRemovesThenAdds() {
        // test_m2m_relations_signals_alternative_ways: vw.default_parts.set([wheelset, doors, engine])
        // when vw has the sunroof: Django's own order, since Hibernate deletes the old rows first
        change(m -> m.vehicle(vw).setDefaultParts(m.parts(wheelset, doors, engine)));

        assertEquals(List.of("pre_remove VW false Part [Sunroof]", "post_remove VW false Part [Sunroof]",
                "pre_add VW false Part [Doors, Engine, Wheelset]", "post_add VW false Part [Doors, Engine, Wheelset]"),
                changes);
        assertEquals(3, joinRows("vehicle_default_parts"));
    }

    @Test
    void changingTheContentsInPlaceSendsBothPreSignalsBeforeTheSql() {
        // The same set() done on the collection itself: Hibernate writes the removals and the
        // additions in one step, so both pre_ signals come before it and both post_ after it.
        change(m -> {
            Set<Part> parts = m.vehicle(vw).getDefaultParts();
            parts.retainAll(m.parts(wheelset, doors, engine));
            parts.addAll(m.parts(wheelset, doors, engine));
        });

        assertEquals(List.of("pre_remove VW false Part [Sunroof]", "pre_add VW false Part [Doors, Engine, Wheelset]",
                "post_remove VW false Part [Sunroof]", "post_add VW false Part [Doors, Engine, Wheelset]"), changes);
    }

    @Test
    void clearingThenAddingAcrossAFlushSendsClearThenAdd() {
        // test_m2m_relations_signals_clearing_removing: set([...], clear=True)
        change(m -> {
            Set<Part> parts = m.vehicle(vw).getDefaultParts();
            parts.clear();
            m.em.flush();
            parts.addAll(m.parts(wheelset, doors, engine));
        });

        assertEquals(List.of("pre_clear VW false Part", "post_clear VW false Part",
                "pre_add VW false Part [Doors, Engine, Wheelset]", "post_add VW false Part [Doors, Engine, Wheelset]"),
                changes);
    }

    @Test
    void keepingSomeAndDroppingOneSendsOnlyTheRemove() {
        // test_m2m_relations_signals_clearing_removing: set([wheelset, doors], clear=False)
        change(m -> m.vehicle(vw).setDefaultParts(m.parts(wheelset, doors, engine)));
        changes.clear();
        change(m -> m.vehicle(vw).getDefaultParts().retainAll(m.parts(wheelset, doors)));

        assertEquals(List.of("pre_remove VW false Part [Engine]", "post_remove VW false Part [Engine]"), changes);
    }

    @Test
    void aSubclassOwnerIsTheInstanceAndTheElementClassIsTheModel() {
        // test_m2m_relations_signals_when_inheritance
        SportsCar c4 = new SportsCar("Bugatti", 420);
        runInTransaction(em -> em.persist(c4));
        names.put(c4.getId() + "v", "Bugatti");
        changes.clear();
        change(m -> m.vehicle(c4).getDefaultParts().add(m.part(doors)));
        change(m -> m.part(engine).getVehicles().add(m.vehicle(c4)));

        assertEquals(List.of("pre_add Bugatti false Part [Doors]", "post_add Bugatti false Part [Doors]",
                "pre_add Engine true Vehicle [Bugatti]", "post_add Engine true Vehicle [Bugatti]"), changes);
    }

    @Test
    void aNewOwnerWithPartsSendsAnAdd() {
        change(m -> {
            Vehicle golf = new Vehicle("Golf");
            golf.getDefaultParts().addAll(m.parts(doors));
            m.em.persist(golf);
        });

        assertEquals(List.of("pre_add Golf false Part [Doors]", "post_add Golf false Part [Doors]"), changes);
    }

    @Test
    void deletingTheOwnerSendsNoM2mChanged() {
        // Django: deleting an object never sends m2m_changed
        change(m -> m.em.remove(m.vehicle(vw)));

        assertEquals(List.of(), changes);
        assertEquals(0, joinRows("vehicle_default_parts"));
    }

    @Test
    void preAddComesBeforeTheRowsAndPostAddAfter() {
        List<Long> rows = new ArrayList<>();
        change(m -> {
            connect(M2M_CHANGED, (signal, association, change) -> rows.add(db.countInside(m.em, "vehicle_default_parts")),
                    sender(DEFAULT_PARTS));
            m.vehicle(vw).getDefaultParts().add(m.part(doors));
        });

        assertEquals(List.of(1L, 2L), rows);
    }
}
