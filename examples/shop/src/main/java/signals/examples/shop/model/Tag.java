package signals.examples.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A label on orders, such as "vegetarian": the far side of {@link Order#getTags()}. */
@Entity
public class Tag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(unique = true, nullable = false)
    private String name;

    /** For Hibernate, which creates instances when it loads rows. */
    protected Tag() {
    }

    /**
     * A new tag, saved by {@code persist}.
     *
     * @param name the tag's name, unique
     */
    public Tag(String name) {
        this.name = name;
    }

    /** {@return the id, null until saved} */
    public Long getId() {
        return id;
    }

    /** {@return the tag's name} */
    public String getName() {
        return name;
    }

    /**
     * Renames the tag.
     *
     * @param name the new name
     */
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Tag " + name;
    }
}
