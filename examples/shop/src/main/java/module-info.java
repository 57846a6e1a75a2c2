/**
 * The example's application: a pizzeria's entities, service and web front. It knows nothing of
 * its receivers (they live in {@code signals.examples.receivers}); it uses {@code signals.jdbc}
 * only through a {@code jdbc:signals:} URL, and declares one custom signal, {@code pizza_done}.
 *
 * <p>The entities are opened to Hibernate ORM alone; the servlets are exported to the servlet
 * container, which creates them from {@code web.xml}.
 */
module signals.examples.shop {
    requires transitive signals.core;
    requires transitive jakarta.persistence;
    // Hibernate defines its lazy-loading proxies in the entities' package, so this module must
    // read Hibernate's (an automatic module: requires-automatic is expected here).
    requires org.hibernate.orm.core;
    requires transitive jakarta.servlet;
    requires java.sql;
    requires com.zaxxer.hikari;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.util;
    requires org.eclipse.jetty.ee11.webapp;
    requires org.eclipse.jetty.ee11.servlet;
    requires signals.jdbc;

    exports signals.examples.shop;
    exports signals.examples.shop.model;
    exports signals.examples.shop.web;
    exports signals.examples.shop.web.servlets to org.eclipse.jetty.ee11.servlet;

    opens signals.examples.shop.model to org.hibernate.orm.core;
}
