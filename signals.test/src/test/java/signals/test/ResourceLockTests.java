package signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider.Lock;
import org.junit.jupiter.api.parallel.Resources;

// The locks JUnit's parallel executor is told about; ParallelTests shows them at work.
class ResourceLockTests {

    private static final Lock READING_SYSTEM_PROPERTIES = new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ);
    private static final Lock GLOBAL = new Lock(Resources.GLOBAL, ResourceAccessMode.READ_WRITE);

    @Test
    void eachSettingOfAClassAndItsSuperclassesTakesItsLockAndTheSystemPropertiesForReading() {
        assertEquals(Set.of(setting("a"), setting("b"), setting("c"), READING_SYSTEM_PROPERTIES),
                new OverrideExtension.Locks().provideForClass(Child.class));
    }

    @Test
    void aNestedClassAndAMethodTakeTheLocksOfTheirOwnSettings() throws Exception {
        OverrideExtension.Locks locks = new OverrideExtension.Locks();
        Method method = Child.class.getDeclaredMethod("removes");

        assertEquals(Set.of(setting("d"), READING_SYSTEM_PROPERTIES), locks.provideForMethod(List.of(), Child.class, method));
        assertEquals(Set.of(setting("e"), READING_SYSTEM_PROPERTIES),
                locks.provideForNestedClass(List.of(Child.class), Child.Inner.class));
    }

    @Test
    void nothingOverriddenTakesNoLock() throws Exception {
        OverrideExtension.Locks locks = new OverrideExtension.Locks();

        assertEquals(Set.of(), locks.provideForClass(Plain.class));
        assertEquals(Set.of(), locks.provideForMethod(List.of(), Plain.class, Plain.class.getDeclaredMethod("plain")));
    }

    @Test
    void aMuteEverywhereTakesJUnitsGlobalLockAndAThreadMuteNone() throws Exception {
        MuteExtension.Locks locks = new MuteExtension.Locks();

        assertEquals(Set.of(GLOBAL), locks.provideForClass(MutedEverywhere.class));
        assertEquals(Set.of(GLOBAL), locks.provideForNestedClass(List.of(), MutedEverywhere.class));
        assertEquals(Set.of(GLOBAL), locks.provideForMethod(List.of(), Plain.class, Plain.class.getDeclaredMethod("mutedEverywhere")));
        assertEquals(Set.of(), locks.provideForClass(Child.class));
        assertEquals(Set.of(), locks.provideForMethod(List.of(), Plain.class, Plain.class.getDeclaredMethod("plain")));
    }

    private static Lock setting(String name) {
        return new Lock(OverrideExtension.LOCK_PREFIX + name, ResourceAccessMode.READ_WRITE);
    }

    @OverrideSetting(name = "a", value = "1")
    @OverrideSetting(name = "b", value = "1")
    static class Parent {
    }

    @OverrideSetting(name = "b", value = "2")
    @RemoveSetting("c")
    @MuteSignals("saved")
    static class Child extends Parent {

        @RemoveSetting("d")
        void removes() {
        }

        @OverrideSetting(name = "e", value = "1")
        class Inner {
        }
    }

    @MuteSignals(everywhere = true)
    static class MutedEverywhere {
    }

    static class Plain {

        void plain() {
        }

        @MuteSignals(everywhere = true)
        void mutedEverywhere() {
        }
    }
}
