package signals.jpa.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A note a Profile's post_save receiver writes: the third link of a chain of receivers. */
@Entity
public class Note {

    @Id
    @GeneratedValue
    private Long id;
    @ManyToOne(optional = false)
    private Profile profile;
    private String text;

    protected Note() {
    }

    public Note(Profile profile, String text) {
        this.profile = profile;
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    @Override
    public String toString() {
        return "Note " + text;
    }
}
