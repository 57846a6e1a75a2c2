package com.example.shop;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data's repository of tags. */
public interface TagRepository extends JpaRepository<Tag, String> {
}
