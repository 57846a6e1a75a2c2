package signals.jpa.entities;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Django's signals.Book: many authors, and pages deleted with it. */
@Entity
public class Book {

    @Id
    @GeneratedValue
    private Long id;
    private String name;
    @ManyToMany
    private Set<Author> authors = new HashSet<>();
    @OneToMany(mappedBy = "book", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Page> pages = new ArrayList<>();

    protected Book() {
    }

    public Book(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<Author> getAuthors() {
        return authors;
    }

    public List<Page> getPages() {
        return pages;
    }

    public Page addPage(String text) {
        Page page = new Page(text, this);
        pages.add(page);
        return page;
    }
}
