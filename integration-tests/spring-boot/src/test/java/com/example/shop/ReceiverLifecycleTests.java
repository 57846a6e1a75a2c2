package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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
        }
        assertEquals(saves, ModelSignals.POST_SAVE.receivers().size());
        assertEquals(starts, RequestSignals.REQUEST_STARTED.receivers().size());
    }
}
