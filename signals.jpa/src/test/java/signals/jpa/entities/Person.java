package signals.jpa.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Django's signals.Person, with an assigned id so that tests can reuse Django's pks. */
@Entity
public class Person {

    @Id
    private Long id;
    private String firstName;
    private String lastName;

    protected Person() {
    }

    public Person(Long id, String firstName, String lastName) {
        this.id = id;
        this.firstName = firstName;
        this.lastName = lastName;
    }

    public Long getId() {
        return id;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    @Override
    public String toString() {
        return firstName + " " + lastName;
    }
}
