package com.example.shop;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers customers and changes them, one transaction per call. */
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

    /**
     * Registers several customers, all or none: an address already taken fails the commit's
     * flush, and the whole batch rolls back.
     *
     * @param names the new customers' names
     * @param emails their e-mail addresses, in the same order
     * @return the new customers' ids
     */
    @Transactional
    public List<Long> registerAll(List<String> names, List<String> emails) {
        if (names.size() != emails.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + emails.size() + " e-mail addresses");
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ids.add(customers.save(new Customer(names.get(i), emails.get(i))).getId());
        }
        return ids;
    }

    @Transactional
    public Customer changeEmail(long id, String email) {
        Customer customer = customers.findById(id).orElseThrow();
        String before = customer.getEmail();
        customer.setEmail(email);
        ShopSignals.EMAIL_CHANGED.send(Customer.class, new EmailChanged(id, before, email));
        return customer;   // written by the commit's flush, which fires post_save
    }

    @Transactional
    public void tag(long id, String tag) {
        Customer customer = customers.findById(id).orElseThrow();
        customer.getTags().add(tags.findById(tag).orElseGet(() -> tags.save(new Tag(tag))));
    }
}
