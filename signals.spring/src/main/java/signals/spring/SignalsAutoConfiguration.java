package signals.spring;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import signals.servlet.SignalsFilter;

/**
 * What Spring Boot sets up for signals, found through Boot's {@code AutoConfiguration.imports}:
 * an application adds the {@code signals-spring} dependency and names nothing.
 *
 * <h2>Receivers as beans</h2>
 * Every bean of type {@link signals.core.SignalBinding}, and every binding that a bean of type
 * {@link signals.core.ReceiverProvider} declares, is connected when the context starts, before the
 * web server takes requests, and disconnected when the context closes, after the web server has
 * stopped taking them. A receiver can therefore use any other bean, and a context that is closed
 * (a test's, or one that DevTools restarts) leaves none of its receivers behind. A provider bean is
 * not listed in {@code META-INF/services}: the providers listed there are connected by
 * {@code signals.core} itself, for the program's life. A provider that fails, or returns null,
 * stops the context from starting, with an exception that names the bean.
 *
 * <h2>The request signals' filter</h2>
 * Boot's embedded Tomcat, Jetty or Undertow runs no {@code ServletContainerInitializer} of a jar
 * and reads no {@code web.xml}, so {@link SignalsFilter} would never run. In a servlet web
 * application with {@code signals.servlet}, this configuration registers it as {@value #FILTER_NAME},
 * on every URL, for every dispatcher type, with asynchronous support, at {@link #FILTER_ORDER}.
 * An application that registers the filter itself (a {@code SignalsFilter} bean, or a
 * {@link FilterRegistrationBean} of one) gets its own registration instead.
 *
 * @since 0.1
 */
@AutoConfiguration
public class SignalsAutoConfiguration {

    /** The name under which the filter is registered: {@value}. */
    public static final String FILTER_NAME = "signalsFilter";

    /**
     * Where the filter sits in Boot's chain: {@value}, just after Boot's character encoding filter
     * and ahead of Spring Security's and the application's, so that {@code request_started} comes
     * before they run and {@code request_finished} after.
     */
    public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Called by Spring. */
    public SignalsAutoConfiguration() {
    }

    @Bean
    ReceiverBeans signalsReceiverBeans(ListableBeanFactory beans) {
        return new ReceiverBeans(beans);
    }

    /** The filter, in servlet web applications that have {@code signals.servlet}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "signals.servlet.SignalsFilter")
    static class Filter {

        @Bean
        @ConditionalOnMissingFilterBean(SignalsFilter.class)
        FilterRegistrationBean<SignalsFilter> signalsFilter() {
            FilterRegistrationBean<SignalsFilter> registration = new FilterRegistrationBean<>(new SignalsFilter());
            // Boot names a registration after its filter, FILTER_NAME here, and supports asynchronous
            // requests unless told otherwise; FilterRegistrationTests holds Boot to both.
            registration.setOrder(FILTER_ORDER);
            // All of them, as SignalsFilter's documentation asks: the filter itself makes sure that
            // each client request starts and finishes once.
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.INCLUDE,
                    DispatcherType.ASYNC, DispatcherType.ERROR);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }
}
