package com.example.shop;

import static signals.core.ConnectOption.phase;
import static signals.core.ConnectOption.sender;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import signals.core.ConnectOption;
import signals.core.Receiver;
import signals.core.Signal;
import signals.core.SignalBinding;
import signals.jpa.ModelSignals;
import signals.jpa.PostSave;

/**
 * What the transaction phase tests add to the shop: receiver beans for the shop's customer
 * signals at each phase (and one called during the send), all writing to one {@link Journal};
 * Spring's own transactional event listeners writing to it too; and {@link Runner}, which
 * runs code in a transaction of each kind.
 */
@TestConfiguration(proxyBeanMethods = false)
class PhaseProbes {

    /** A customer whose welcome fails: the after-commit receiver for it throws. */
    static final String CRASH = "Crash";
    /** A customer whose registration a before-commit receiver vetoes. */
    static final String VETO = "Veto";
    /** A customer whose welcome reads and writes through the repositories after the commit. */
    static final String READER = "Reader";

    private static final List<Signal<?>> SIGNALS = List.of(ModelSignals.POST_SAVE, ShopSignals.EMAIL_CHANGED);

    @Bean
    Journal journal() {
        return new Journal();
    }

    @Bean
    Runner runner() {
        return new Runner();
    }

    @Bean
    SpringListeners springListeners(Journal journal) {
        return new SpringListeners(journal);
    }

    @Bean
    SignalBinding<Object> during(Journal journal) {
        return SignalBinding.receiver(SIGNALS, journal.recorder("during"), sender(Customer.class));
    }

    @Bean
    SignalBinding<Object> beforeCommit(Journal journal) {
        return recording(journal, signals.core.TransactionPhase.BEFORE_COMMIT);
    }

    @Bean
    SignalBinding<Object> afterCommit(Journal journal) {
        return recording(journal, signals.core.TransactionPhase.AFTER_COMMIT);
    }

    @Bean
    SignalBinding<Object> afterRollback(Journal journal) {
        return recording(journal, signals.core.TransactionPhase.AFTER_ROLLBACK);
    }

    /** Throws for the customer named {@link #CRASH}, after the commit. */
    @Bean
    SignalBinding<PostSave<?>> crashingWelcome() {
        return SignalBinding.receiver(ModelSignals.POST_SAVE, (signal, sender, save) -> {
            if (save.created() && CRASH.equals(((Customer) save.instance()).getName())) {
                throw new IllegalStateException("no mail server for " + ((Customer) save.instance()).getEmail());
            }
        }, sender(Customer.class), phase(signals.core.TransactionPhase.AFTER_COMMIT));
    }

    /** Throws for the customer named {@link #VETO}, before the commit: the transaction rolls back. */
    @Bean
    SignalBinding<PostSave<?>> vetoingCheck() {
        return SignalBinding.receiver(ModelSignals.POST_SAVE, (signal, sender, save) -> {
            if (VETO.equals(((Customer) save.instance()).getName())) {
                throw new IllegalStateException("vetoed " + ((Customer) save.instance()).getEmail());
            }
        }, sender(Customer.class), phase(signals.core.TransactionPhase.BEFORE_COMMIT));
    }

    /**
     * For the customer named {@link #READER}, after the commit: reads the customer back through
     * the repository, notes whether the payload's entity is still in the transaction's persistence
     * context and whether the payload's entity manager still answers, then writes a tag twice, once in a new transaction and once in the one that
     * has just committed.
     */
    @Bean
    SignalBinding<PostSave<?>> readingWelcome(Journal journal, CustomerRepository customers, TagRepository tags,
            Runner runner, EntityManager entityManager) {
        return SignalBinding.receiver(ModelSignals.POST_SAVE, (signal, sender, save) -> {
            Customer customer = (Customer) save.instance();
            if (save.created() && READER.equals(customer.getName())) {
                journal.add("read " + customer.getEmail() + " " + customers.findByEmail(customer.getEmail()).isPresent());
                journal.add("managed " + customer.getEmail() + " " + entityManager.contains(customer));
                try {
                    save.entityManager().find(Customer.class, customer.getId());
                    journal.add("payload's entity manager open " + customer.getEmail());
                } catch (IllegalStateException closed) {
                    journal.add("payload's entity manager closed " + customer.getEmail());
                }
                runner.inNewTransaction(() -> tags.save(new Tag("new " + customer.getEmail())));
                tags.save(new Tag("joined " + customer.getEmail()));
            }
        }, sender(Customer.class), phase(signals.core.TransactionPhase.AFTER_COMMIT));
    }

    private static SignalBinding<Object> recording(Journal journal, signals.core.TransactionPhase when) {
        ConnectOption[] options = {sender(Customer.class), phase(when)};
        return SignalBinding.receiver(SIGNALS, journal.recorder(when.name().toLowerCase(Locale.ROOT).replace('_', ' ')), options);
    }

    /** What the receivers saw, in the order they saw it, one line each: "phase signal key". */
    static final class Journal {

        private final List<String> lines = new CopyOnWriteArrayList<>();

        void add(String line) {
            lines.add(line);
        }

        /** The lines that mention a key, in order. */
        List<String> about(String key) {
            return lines.stream().filter(line -> line.contains(key)).toList();
        }

        Receiver<Object> recorder(String when) {
            return (signal, sender, payload) -> add(when + " " + signal.name() + " " + key(payload));
        }

        /** A customer's e-mail address, the key the tests look for. */
        private static String key(Object payload) {
            if (payload instanceof PostSave<?> save) {
                return ((Customer) save.instance()).getEmail();
            }
            return ((EmailChanged) payload).to();
        }
    }

    /** Runs code in a Spring transaction of each kind, as a service's methods would. */
    static class Runner {

        @Transactional
        public void inTransaction(Runnable body) {
            body.run();
        }

        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void inNewTransaction(Runnable body) {
            body.run();
        }

        @Transactional(readOnly = true)
        public void readOnly(Runnable body) {
            body.run();
        }
    }

    /** An application event, for Spring's own transactional event listeners. */
    record Noted(String key) {
    }

    /** Spring's {@code @TransactionalEventListener}s, to compare their moment with signals' phases. */
    static class SpringListeners {

        private final Journal journal;

        SpringListeners(Journal journal) {
            this.journal = journal;
        }

        @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
        public void beforeCommit(Noted noted) {
            journal.add("spring before commit " + noted.key());
        }

        @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
        public void afterCommit(Noted noted) {
            journal.add("spring after commit " + noted.key());
        }

        @TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
        public void afterRollback(Noted noted) {
            journal.add("spring after rollback " + noted.key());
        }
    }
}
