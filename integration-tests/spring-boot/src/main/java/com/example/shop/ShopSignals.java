package com.example.shop;

import static signals.core.ConnectOption.sender;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import signals.core.SignalBinding;
import signals.jpa.ModelSignals;
import signals.jpa.PostSave;

/** The shop's receivers that need other beans: connected while the application context runs. */
@Configuration(proxyBeanMethods = false)
public class ShopSignals {

    /** Welcomes each new customer, with the application's own mailer. */
    @Bean
    SignalBinding<PostSave<?>> welcomeNewCustomers(Mailer mailer) {
        return SignalBinding.receiver(ModelSignals.POST_SAVE, (signal, sender, save) -> {
            if (save.created()) {
                Customer customer = (Customer) save.instance();
                mailer.send(customer.getEmail(), "Welcome, " + customer.getName());
            }
        }, sender(Customer.class));
    }
}
