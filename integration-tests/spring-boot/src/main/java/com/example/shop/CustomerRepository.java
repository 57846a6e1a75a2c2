package com.example.shop;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data's repository of customers: its saves reach Hibernate, and so the model signals. */
public interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** The customer with this e-mail address, if there is one. */
    Optional<Customer> findByEmail(String email);
}
