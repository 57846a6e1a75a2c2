package com.example.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A label on customers ("vip", "wholesale"): a many-to-many association, so m2m_changed. */
@Entity
@Table(name = "shop_tag")
public class Tag {

    @Id
    private String name;

    protected Tag() {
    }

    public Tag(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
