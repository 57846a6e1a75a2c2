package signals.jpa.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import java.util.HashSet;
import java.util.Set;

/** Django's m2m_signals.Part: the mappedBy side of both of Vehicle's part associations. */
@Entity
public class Part {

    @Id
    @GeneratedValue
    private Long id;
    private String name;
    @ManyToMany(mappedBy = "defaultParts")
    private Set<Vehicle> vehicles = new HashSet<>();
    @ManyToMany(mappedBy = "optionalParts")
    private Set<Vehicle> vehiclesOptional = new HashSet<>();

    protected Part() {
    }

    public Part(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<Vehicle> getVehicles() {
        return vehicles;
    }

    public Set<Vehicle> getVehiclesOptional() {
        return vehiclesOptional;
    }

    @Override
    public String toString() {
        return name;
    }
}
