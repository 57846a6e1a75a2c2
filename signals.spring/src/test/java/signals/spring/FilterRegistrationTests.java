package signals.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import signals.servlet.SignalsFilter;

class FilterRegistrationTests {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SignalsAutoConfiguration.class));

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistration {
        static final FilterRegistrationBean<SignalsFilter> MINE = new FilterRegistrationBean<>(new SignalsFilter());

        @Bean
        FilterRegistrationBean<SignalsFilter> mySignalsFilter() {
            return MINE;
        }
    }

    @Test
    void aServletApplicationGetsTheFilterOnEveryUrlForEveryDispatchWithAsyncSupport() {
        web.run(context -> {
            FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
            assertInstanceOf(SignalsFilter.class, registration.getFilter());
            assertEquals(SignalsAutoConfiguration.FILTER_NAME, registration.getFilterName());
            assertEquals(SignalsAutoConfiguration.FILTER_ORDER, registration.getOrder());
            assertTrue(registration.isAsyncSupported());
            assertEquals(List.of("/*"), List.copyOf(registration.getUrlPatterns()));
            assertEquals(EnumSet.allOf(DispatcherType.class), registration.determineDispatcherTypes());
        });
    }

    @Test
    void anApplicationThatRegistersTheFilterItselfKeepsItsOwnRegistration() {
        web.withUserConfiguration(OwnRegistration.class).run(context -> {
            assertEquals(1, context.getBeansOfType(FilterRegistrationBean.class).size());
            assertSame(OwnRegistration.MINE, context.getBean(FilterRegistrationBean.class));
        });
    }

    @Test
    void anApplicationThatIsNoServletApplicationGetsNoFilter() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SignalsAutoConfiguration.class))
                .run(context -> {
                    assertFalse(context.containsBean("signalsFilter"));
                    assertTrue(context.containsBean("signalsReceiverBeans"));
                });
    }
}
