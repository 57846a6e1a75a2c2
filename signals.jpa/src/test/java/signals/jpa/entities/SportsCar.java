package signals.jpa.entities;

import jakarta.persistence.Entity;

/** Django's m2m_signals.SportsCar: a subclass entity in a table of its own. */
@Entity
public class SportsCar extends Vehicle {

    private int topSpeed;

    protected SportsCar() {
    }

    public SportsCar(String name, int topSpeed) {
        super(name);
        this.topSpeed = topSpeed;
    }

    public int getTopSpeed() {
        return topSpeed;
    }
}
