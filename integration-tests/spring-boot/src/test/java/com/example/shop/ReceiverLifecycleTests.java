package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        int starts = RequestSignals.REQUEST_STARTED.receivers().size();
        try (ConfigurableApplicationContext shop = new SpringApplicationBuilder(ShopApplication.class)
                .properties("server.port=0", "spring.datasource.generate-unique-name=true").run()) {
            assertEquals(saves + 1, ModelSignals.POST_SAVE.receivers().size(), "the mailer's welcome");
            assertEquals(starts + 1, RequestSignals.REQUEST_STARTED.receivers().size(), "the request log");
            assertEquals(List.of("after commit"), Signals.inventory().signals().stream()
                    .filter(entry -> entry.name().equals("post_save")).flatMap(entry -> entry.receivers().stream())
                    .filter(receiver -> receiver.receiver().contains(ShopSignals.class.getName()))
                    .map(Inventory.ReceiverEntry::phase).toList(), "the welcome waits for the commit");
        }
        assertEquals(saves, ModelSignals.POST_SAVE.receivers().size());
        assertEquals(starts, RequestSignals.REQUEST_STARTED.receivers().size());
    }
}
