package com.example.shop;

import static signals.core.ConnectOption.phase;
import static signals.core.ConnectOption.sender;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import signals.core.Signal;
import signals.core.SignalBinding;
import signals.core.TransactionPhase;
import signals.jpa.ModelSignals;
import signals.jpa.PostSave;

/**
 * The shop's own signal, and its receivers that need other beans: connected while the
 * application context runs.
 */
@Configuration(proxyBeanMethods = false)
public class ShopSignals {

    /** Sent by {@link CustomerService#changeEmail} when a customer's address changes, sender {@code Customer.class}. */
    public static final Signal<EmailChanged> EMAIL_CHANGED = Signal.of("email_changed", EmailChanged.class);

    /**
     * Welcomes each new customer, with the application's own mailer, once the transaction that
     * saved the customer has committed: never for a registration that rolls back.
     */
    @Bean
    SignalBinding<PostSave<?>> welcomeNewCustomers(Mailer mailer) {
        return SignalBinding.receiver(ModelSignals.POST_SAVE, (signal, sender, save) -> {
            if (save.created()) {
                Customer customer = (Customer) save.instance();
                mailer.send(customer.getEmail(), "Welcome, " + customer.getName());
            }
        }, sender(Customer.class), phase(TransactionPhase.AFTER_COMMIT));
    }
}
