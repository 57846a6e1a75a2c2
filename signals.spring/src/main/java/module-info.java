/**
 * Spring Boot auto-configuration for signals, for applications that run on Spring Boot 4.
 *
 * <p>With this module on the class path, and nothing else:
 * <ul>
 *   <li>beans of type {@link signals.core.SignalBinding} and {@link signals.core.ReceiverProvider}
 *       are connected when the application context starts and disconnected when it closes, so
 *       that receivers can use other beans (a mailer, a repository);</li>
 *   <li>in a servlet web application with {@code signals.servlet},
 *       {@link signals.servlet.SignalsFilter} is registered, since Boot's embedded container runs
 *       no {@link jakarta.servlet.ServletContainerInitializer} of a jar and reads no
 *       {@code web.xml}.</li>
 * </ul>
 * The model signals of {@code signals.jpa} need nothing from this module: Hibernate finds
 * {@code signals.jpa}'s integrator in Boot's own {@code EntityManagerFactory}.
 *
 * <p>Boot finds {@link signals.spring.SignalsAutoConfiguration} through
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}. The
 * package is opened to Spring alone, which calls the configuration's bean methods reflectively;
 * nothing of the application is reflected over.
 */
module signals.spring {
    requires transitive signals.core;
    requires spring.boot.autoconfigure;
    requires spring.boot;
    requires spring.context;
    requires spring.beans;
    requires spring.core;
    // Optional: the filter is registered only in servlet applications that have signals.servlet.
    requires static signals.servlet;
    requires static jakarta.servlet;

    exports signals.spring;
    opens signals.spring to spring.core, spring.beans, spring.context;
}
