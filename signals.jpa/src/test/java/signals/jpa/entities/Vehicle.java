package signals.jpa.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import java.util.HashSet;
import java.util.Set;

/** Django's m2m_signals.Car: two associations to the same entity. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Vehicle {

    @Id
    @GeneratedValue
    private Long id;
    private String name;
    @ManyToMany
    @JoinTable(name = "vehicle_default_parts")
    private Set<Part> defaultParts = new HashSet<>();
    @ManyToMany
    @JoinTable(name = "vehicle_optional_parts")
    private Set<Part> optionalParts = new HashSet<>();

    protected Vehicle() {
    }

    public Vehicle(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<Part> getDefaultParts() {
        return defaultParts;
    }

    public void setDefaultParts(Set<Part> defaultParts) {
        this.defaultParts = defaultParts;
    }

    public Set<Part> getOptionalParts() {
        return optionalParts;
    }

    @Override
    public String toString() {
        return name;
    }
}
