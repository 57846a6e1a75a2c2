package com.example.shop;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shop's HTTP face. */
@RestController
public class CustomerController {

    private final CustomerService service;

    public CustomerController(CustomerService service) {
        this.service = service;
    }

    @PostMapping("/customers")
    public long register(@RequestParam String name, @RequestParam String email) {
        return service.register(name, email).getId();
    }

    @PostMapping("/customers/batch")
    public List<Long> registerAll(@RequestParam List<String> name, @RequestParam List<String> email) {
        return service.registerAll(name, email);
    }

    @PutMapping("/customers/{id}/email")
    public String changeEmail(@PathVariable long id, @RequestParam String email) {
        return service.changeEmail(id, email).getEmail();
    }

    @PutMapping("/customers/{id}/tags/{tag}")
    public void tag(@PathVariable long id, @PathVariable String tag) {
        service.tag(id, tag);
    }

    @GetMapping("/broken")
    public String broken() {
        throw new IllegalStateException("the shop is on fire");
    }
}
