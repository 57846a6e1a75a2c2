package signals.jpa.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Django's signals.Page: its book is loaded lazily. */
@Entity
public class Page {

    @Id
    @GeneratedValue
    private Long id;
    private String text;
    @ManyToOne(fetch = FetchType.LAZY)
    private Book book;

    protected Page() {
    }

    Page(String text, Book book) {
        this.text = text;
        this.book = book;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public Book getBook() {
        return book;
    }
}
