package com.example.shop;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers customers, one transaction each. */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final TagRepository tags;

    public CustomerService(CustomerRepository customers, TagRepository tags) {
        this.customers = customers;
        this.tags = tags;
    }

    @Transactional
    public Customer register(String name, String email) {
        return customers.save(new Customer(name, email));
    }

    @Transactional
    public Customer changeEmail(long id, String email) {
        Customer customer = customers.findById(id).orElseThrow();
        customer.setEmail(email);
        return customer;   // written by the commit's flush, which fires post_save
    }

    @Transactional
    public void tag(long id, String tag) {
        Customer customer = customers.findById(id).orElseThrow();
        customer.getTags().add(tags.findById(tag).orElseGet(() -> tags.save(new Tag(tag))));
    }
}
