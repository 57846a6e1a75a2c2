package signals.benchmarks.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** The entity the JPA benchmark writes and reads: a sequence id, so that inserts can batch. */
@Entity
public class Reading {

    @Id
    @GeneratedValue
    @SequenceGenerator(name = "Reading_SEQ", allocationSize = 50)
    private Long id;
    private String sensor;
    private double amount;

    /** For Hibernate. */
    protected Reading() {
    }

    /**
     * A reading.
     *
     * @param sensor the sensor's name
     * @param value the value read
     */
    public Reading(String sensor, double value) {
        this.sensor = sensor;
        this.amount = value;
    }

    /**
     * Returns the value.
     *
     * @return the value read
     */
    public double getValue() {
        return amount;
    }

    /**
     * Returns the sensor.
     *
     * @return the sensor's name
     */
    public String getSensor() {
        return sensor;
    }
}
