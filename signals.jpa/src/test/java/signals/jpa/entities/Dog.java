package signals.jpa.entities;

import jakarta.persistence.Entity;

/** A subclass entity: its own sender. */
@Entity
public class Dog extends Animal {

    private String breed;

    protected Dog() {
    }

    public Dog(String name, String breed) {
        super(name);
        this.breed = breed;
    }

    public String getBreed() {
        return breed;
    }
}
