package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import signals.core.Inventory;
import signals.core.Signals;
import signals.jpa.ModelSignals;
import signals.servlet.RequestSignals;

/** The receiver beans come with the application context and leave with it. */
class ReceiverLifecycleTests {

    @Test
    void theReceiverBeansAreConnectedWhileTheApplicationRunsAndGoneWhenItCloses() {
        int saves = ModelSignals.POST_SAVE.receivers().size();
        // Other test classes' cached contexts may have their own welcome connected.
        List<String> welcomes = welcomePhases();
        int starts = RequestSignals.REQUEST_STARTED.receivers().size();
        try (ConfigurableApplicationContext shop = new SpringApplicationBuilder(ShopApplication.class)
                .properties("server.port=0", "spring.datasource.generate-unique-name=true").run()) {
            assertEquals(saves + 1, ModelSignals.POST_SAVE.receivers().size(), "the mailer's welcome");
            assertEquals(starts + 1, RequestSignals.REQUEST_STARTED.receivers().size(), "the request log");
            List<String> phases = welcomePhases();
            assertEquals(welcomes.size() + 1, phases.size(), () -> "the welcomes: " + phases);
            assertTrue(phases.stream().allMatch("after commit"::equals), () -> "the welcome waits for the commit: " + phases);
        }
        assertEquals(saves, ModelSignals.POST_SAVE.receivers().size());
        assertEquals(starts, RequestSignals.REQUEST_STARTED.receivers().size());
    }

    /** The transaction phase of each welcome receiver that the inventory lists, from any context. */
    private static List<String> welcomePhases() {
        return Signals.inventory().signals().stream()
                .filter(entry -> entry.name().equals("post_save")).flatMap(entry -> entry.receivers().stream())
                .filter(receiver -> receiver.receiver().contains(ShopSignals.class.getName()))
                .map(Inventory.ReceiverEntry::phase).toList();
    }
}
