package signals.jpa.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** The profile a post_save receiver creates for each new User. */
@Entity
public class Profile {

    @Id
    @GeneratedValue
    private Long id;
    @ManyToOne(optional = false)
    private User user;

    protected Profile() {
    }

    public Profile(User user) {
        this.user = user;
    }

    public Long getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    @Override
    public String toString() {
        return "Profile of " + user;
    }
}
