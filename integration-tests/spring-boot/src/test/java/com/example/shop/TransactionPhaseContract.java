package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receivers connected with a transaction phase, declared as {@code @Bean SignalBinding}s, under
 * the transactions Boot users write: {@code @Transactional} services reached over real HTTP,
 * {@code REQUIRES_NEW}, {@code readOnly}, {@code TransactionTemplate}. Spring's
 * {@code JpaTransactionManager} begins and commits Hibernate's transaction, and signals.jpa defers
 * each send to it: the model signals of the commit's flush and the application's own sends alike.
 *
 * <p>The context is closed after the class, so that its receivers (which record every customer
 * signal) do not stay connected while other test classes' applications send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PhaseProbes.class)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
abstract class TransactionPhaseContract {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    PhaseProbes.Journal journal;
    @Autowired
    PhaseProbes.Runner runner;
    @Autowired
    CustomerService service;
    @Autowired
    CustomerRepository customers;
    @Autowired
    TagRepository tags;
    @Autowired
    Mailer mailer;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void theWelcomeMailGoesOutAfterTheRegistrationCommits() throws Exception {
        String email = unique();
        HttpResponse<String> response = send("POST", "/customers?name=Ada&email=" + email);
        assertEquals(200, response.statusCode(), response::body);
        assertEquals(List.of(email + ": Welcome, Ada"), mailsTo(email));
        assertEquals(List.of("during post_save " + email, "before commit post_save " + email,
                "after commit post_save " + email), journal.about(email));
    }

    @Test
    void aBatchThatRollsBackWelcomesNobodyAndIsReportedAfterRollback() throws Exception {
        String taken = unique();
        service.register("Alan", taken);
        String fresh = unique();
        HttpResponse<String> response = send("POST", "/customers/batch?name=Grace&email=" + fresh
                + "&name=Impostor&email=" + taken);
        assertEquals(500, response.statusCode(), response::body);
        assertFalse(customers.findByEmail(fresh).isPresent(), "the batch rolled back");
        // Grace's insert was flushed, and post_save sent, before the taken address failed the
        // commit's flush: her welcome waited for a commit that never came.
        assertEquals(List.of(), mailsTo(fresh));
        assertEquals(List.of("during post_save " + fresh, "after rollback post_save " + fresh), journal.about(fresh));
    }

    @Test
    void theFlushesPostSaveAndTheServicesOwnSignalAreDeferredInSendOrder() throws Exception {
        String id = send("POST", "/customers?name=Grace&email=" + unique()).body();
        String changed = unique();
        assertEquals(200, send("PUT", "/customers/" + id + "/email?email=" + changed).statusCode());
        // email_changed is sent in the method's body, post_save by the flush at commit.
        assertEquals(List.of(
                "during email_changed " + changed, "during post_save " + changed,
                "before commit email_changed " + changed, "before commit post_save " + changed,
                "after commit email_changed " + changed, "after commit post_save " + changed), journal.about(changed));
    }

    @Test
    void aMethodThatThrowsRollsBackAndCallsTheAfterRollbackReceiversOnly() {
        String email = unique();
        assertThrows(IllegalStateException.class, () -> runner.inTransaction(() -> {
            customers.saveAndFlush(new Customer("Barbara", email));
            throw new IllegalStateException("the payment failed");
        }));
        assertFalse(customers.findByEmail(email).isPresent());
        assertEquals(List.of(), mailsTo(email));
        assertEquals(List.of("during post_save " + email, "after rollback post_save " + email), journal.about(email));
    }

    @Test
    void aRequiresNewTransactionHasItsOwnSendsAndCommitsBeforeTheOuterOneRollsBack() {
        String test = UUID.randomUUID().toString().substring(0, 8);
        String outer = test + "-outer@example.com";
        String inner = test + "-inner@example.com";
        assertThrows(IllegalStateException.class, () -> runner.inTransaction(() -> {
            customers.saveAndFlush(new Customer("Outer", outer));
            runner.inNewTransaction(() -> customers.save(new Customer("Inner", inner)));
            journal.add("inner returned " + test);
            throw new IllegalStateException("the outer transaction fails");
        }));
        assertEquals(List.of(
                "during post_save " + outer,
                "during post_save " + inner, "before commit post_save " + inner, "after commit post_save " + inner,
                "inner returned " + test,
                "after rollback post_save " + outer), journal.about(test));
        assertTrue(customers.findByEmail(inner).isPresent());
        assertFalse(customers.findByEmail(outer).isPresent());
        assertEquals(List.of(inner + ": Welcome, Inner"), mailsTo(test));
    }

    @Test
    void aReadOnlyTransactionNeverFlushesButItsSendsWaitForItsEnd() {
        String email = unique();
        long id = service.register("Edsger", email).getId();
        String changed = unique();
        runner.readOnly(() -> {
            Customer customer = customers.findById(id).orElseThrow();
            customer.setEmail(changed);   // never written: Spring runs a read-only transaction with FlushMode.MANUAL
            ShopSignals.EMAIL_CHANGED.send(Customer.class, new EmailChanged(id, email, changed));
            journal.add("body ends " + changed);
        });
        assertEquals(List.of("during email_changed " + changed, "body ends " + changed,
                "before commit email_changed " + changed, "after commit email_changed " + changed), journal.about(changed));
        assertEquals(email, customers.findById(id).orElseThrow().getEmail());
    }

    @Test
    void aTransactionTemplateIsATransactionToo() {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        String committed = unique();
        String rolledBack = unique();
        template.executeWithoutResult(status ->
                ShopSignals.EMAIL_CHANGED.send(Customer.class, new EmailChanged(1, "before", committed)));
        template.executeWithoutResult(status -> {
            ShopSignals.EMAIL_CHANGED.send(Customer.class, new EmailChanged(1, "before", rolledBack));
            status.setRollbackOnly();
        });
        assertEquals(List.of("during email_changed " + committed, "before commit email_changed " + committed,
                "after commit email_changed " + committed), journal.about(committed));
        assertEquals(List.of("during email_changed " + rolledBack, "after rollback email_changed " + rolledBack),
                journal.about(rolledBack));
    }

    /**
     * An after-commit receiver runs inside Spring's commit (in Hibernate's, which Spring's
     * {@code doCommit} calls), where Spring still has the transaction's EntityManager bound to the
     * thread: a read through a repository sees the committed row, but a write with the default
     * propagation joins the transaction that has just committed and is never written. Spring's
     * own after-commit callbacks have the same rule: write in {@code REQUIRES_NEW}.
     */
    @Test
    void anAfterCommitReceiverReadsTheCommittedRowAndWritesInANewTransaction() throws Exception {
        String email = unique();
        assertEquals(200, send("POST", "/customers?name=" + PhaseProbes.READER + "&email=" + email).statusCode());
        assertTrue(journal.about(email).contains("read " + email + " true"), () -> "journal: " + journal.about(email));
        // Spring closes the EntityManager only after its own after-commit callbacks, so the
        // payload's entity is still in the finished transaction's persistence context here.
        assertTrue(journal.about(email).contains("managed " + email + " true"), () -> "journal: " + journal.about(email));
        // The payload's own entity manager, though, serves only while the send's receivers run.
        assertTrue(journal.about(email).contains("payload's entity manager closed " + email),
                () -> "journal: " + journal.about(email));
        assertTrue(tags.existsById("new " + email), "written in REQUIRES_NEW");
        assertFalse(tags.existsById("joined " + email), "joined the finished transaction, never written");
    }

    @Test
    void aBeforeCommitReceiverThatThrowsRollsTheRegistrationBack() throws Exception {
        String email = unique();
        HttpResponse<String> response = send("POST", "/customers?name=" + PhaseProbes.VETO + "&email=" + email);
        assertEquals(500, response.statusCode(), response::body);
        assertFalse(customers.findByEmail(email).isPresent());
        assertEquals(List.of(), mailsTo(email));
        assertEquals(List.of("during post_save " + email, "before commit post_save " + email,
                "after rollback post_save " + email), journal.about(email));
    }

    @Test
    void anAfterCommitReceiverThatThrowsFailsNeitherTheRequestNorTheCommitNorTheOtherReceivers(CapturedOutput output)
            throws Exception {
        String email = unique();
        HttpResponse<String> response = send("POST", "/customers?name=" + PhaseProbes.CRASH + "&email=" + email);
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(customers.findByEmail(email).isPresent());
        assertEquals(List.of(email + ": Welcome, " + PhaseProbes.CRASH), mailsTo(email));
        assertTrue(journal.about(email).contains("after commit post_save " + email));
        assertTrue(output.getAll().contains("no mail server for " + email), "the failure is logged");
    }

    /**
     * Spring's {@code @TransactionalEventListener}s run in {@code triggerBeforeCommit} and
     * {@code triggerAfterCommit}, around {@code doCommit}; signals' receivers run inside it, in
     * Hibernate's commit: before-commit ones after the commit's flush (later than Spring's, so
     * they see the flush's model signals), after-commit ones before Spring's.
     */
    @Test
    void springsTransactionalEventListenersRunAroundSignalsPhases() {
        long id = service.register("Niklaus", unique()).getId();
        String key = unique();
        runner.inTransaction(() -> {
            customers.findById(id).orElseThrow().setEmail(key);   // flushed at commit: post_save
            events.publishEvent(new PhaseProbes.Noted(key));
            ShopSignals.EMAIL_CHANGED.send(Customer.class, new EmailChanged(id, "before", key));
        });
        assertEquals(List.of("during email_changed " + key,
                "spring before commit " + key,
                "during post_save " + key,
                "before commit email_changed " + key, "before commit post_save " + key,
                "after commit email_changed " + key, "after commit post_save " + key,
                "spring after commit " + key), journal.about(key));
        String rolledBack = unique();
        assertThrows(IllegalStateException.class, () -> runner.inTransaction(() -> {
            events.publishEvent(new PhaseProbes.Noted(rolledBack));
            ShopSignals.EMAIL_CHANGED.send(Customer.class, new EmailChanged(1, "before", rolledBack));
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(List.of("during email_changed " + rolledBack, "after rollback email_changed " + rolledBack,
                "spring after rollback " + rolledBack), journal.about(rolledBack));
    }

    /**
     * Outside any transaction (the test's thread, after the transactions of the other tests) a
     * phase receiver counts the send as committed at once, as Django's on_commit does.
     */
    @Test
    void aSendOutsideAnyTransactionCallsThePhaseReceiversAtOnce() {
        String key = unique();
        ShopSignals.EMAIL_CHANGED.send(Customer.class, new EmailChanged(1, "before", key));
        journal.add("sent " + key);
        assertEquals(List.of("during email_changed " + key, "before commit email_changed " + key,
                "after commit email_changed " + key, "sent " + key), journal.about(key));
    }

    private List<String> mailsTo(String key) {
        return mailer.sent().stream().filter(mail -> mail.contains(key)).toList();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
