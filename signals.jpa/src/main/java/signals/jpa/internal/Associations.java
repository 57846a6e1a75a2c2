package signals.jpa.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.PersistentClass;

/**
 * The {@code @ManyToMany} associations of the units booted so far, to check the names given to
 * {@code ModelSignals.association}: a typo, or the {@code mappedBy} side, would name a sender that
 * never sends. A name is checked when it is asked, if a unit mapping its class has booted, and
 * otherwise when the first such unit boots.
 *
 * <p>The one door from {@code signals.jpa} into this package (public only for that; the package is
 * not exported): {@code ModelSignals.association} calls {@link #check}. It imports nothing of
 * {@code signals.jpa}. Classes are kept by name, so that nothing here pins an application's class
 * loader.
 */
public final class Associations {

    /** Per booted unit: owner class name, then attribute, then what the attribute is. */
    private static final Map<Object, Map<String, Map<String, Mapping>>> UNITS = new HashMap<>();
    /** Names asked before any unit mapping their class booted: "owner class name" to attributes. */
    private static final Map<String, Set<String>> PENDING = new HashMap<>();

    private Associations() {
    }

    /** What an entity's many-to-many attribute is: the owning side (owner null), or mappedBy. */
    private record Mapping(String owningSide) {
    }

    /**
     * Checks an association's name against the units booted so far, or keeps it to check when a
     * unit mapping the class boots.
     *
     * @param owner the owning side's class name
     * @param attribute the attribute
     * @throws IllegalArgumentException if a booted unit maps the class and the attribute is not an
     *     association it owns, naming the ones it owns
     */
    public static synchronized void check(String owner, String attribute) {
        boolean mapped = false;
        for (Map<String, Map<String, Mapping>> unit : UNITS.values()) {
            Map<String, Mapping> attributes = unit.get(owner);
            if (attributes != null) {
                mapped = true;
                String problem = problem(owner, attribute, attributes);
                if (problem == null) {
                    return;
                }
                throw new IllegalArgumentException(problem);
            }
        }
        if (!mapped) {
            PENDING.computeIfAbsent(owner, name -> new LinkedHashSet<>()).add(attribute);
        }
    }

    /**
     * Learns a booted unit's associations, and checks the names asked before it booted.
     *
     * @param unit the unit's session factory, the key to forget it by
     * @param metadata its mappings
     * @throws IllegalStateException if a name asked earlier is not an association the unit maps
     */
    static synchronized void booted(Object unit, Metadata metadata) {
        Map<String, Map<String, Mapping>> owners = new HashMap<>();
        for (PersistentClass entity : Units.entities(metadata)) {
            owners.put(entity.getMappedClass().getName(), new TreeMap<>());
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            if (collection.isOneToMany() || !(collection.getElement() instanceof ManyToOne element)) {
                continue;
            }
            PersistentClass owner = collection.getOwner();
            Map<String, Mapping> attributes = owner.getMappedClass() == null ? null
                    : owners.get(owner.getMappedClass().getName());
            if (attributes == null) {
                continue;
            }
            String attribute = collection.getRole().substring(owner.getEntityName().length() + 1);
            String owningSide = collection.isInverse() && collection.getMappedByProperty() != null
                    ? element.getReferencedEntityName() + "." + collection.getMappedByProperty() : null;
            attributes.put(attribute, new Mapping(owningSide));
        }
        UNITS.put(unit, owners);
        List<String> problems = new ArrayList<>();
        owners.forEach((owner, attributes) -> {
            Set<String> asked = PENDING.remove(owner);
            if (asked != null) {
                for (String attribute : asked) {
                    String problem = problem(owner, attribute, attributes);
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
            }
        });
        if (!problems.isEmpty()) {
            UNITS.remove(unit);
            throw new IllegalStateException("m2m_changed receivers were connected with a sender that never sends: "
                    + String.join("; ", problems));
        }
    }

    /**
     * Forgets a unit that closed.
     *
     * @param unit its session factory
     */
    static synchronized void closed(Object unit) {
        UNITS.remove(unit);
    }

    private static String problem(String owner, String attribute, Map<String, Mapping> attributes) {
        Mapping mapping = attributes.get(attribute);
        if (mapping != null && mapping.owningSide() == null) {
            return null;
        }
        String name = "ModelSignals.association(" + simple(owner) + ".class, \"" + attribute + "\")";
        if (mapping != null) {
            int dot = mapping.owningSide().lastIndexOf('.');
            return name + " names the mappedBy side of " + mapping.owningSide() + ": name the owning side, "
                    + "ModelSignals.association(" + simple(mapping.owningSide().substring(0, dot)) + ".class, \""
                    + mapping.owningSide().substring(dot + 1) + "\"), which is sent for changes through either side";
        }
        List<String> owned = new ArrayList<>();
        attributes.forEach((candidate, what) -> {
            if (what.owningSide() == null) {
                owned.add(candidate);
            }
        });
        return name + " names no @ManyToMany association owned by " + owner + "; "
                + (owned.isEmpty() ? "it owns none" : "it owns: " + String.join(", ", owned));
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
