package com.example.shop;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data's repository of customers: its saves reach Hibernate, and so the model signals. */
public interface CustomerRepository extends JpaRepository<Customer, Long> {
}
