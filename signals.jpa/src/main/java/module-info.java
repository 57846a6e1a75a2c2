/**
 * Django's model and migration signals ({@code pre_save}, {@code post_save}, {@code pre_delete},
 * {@code m2m_changed}, {@code class_prepared}, {@code post_migrate}, ...) fired by Hibernate ORM 7
 * for Jakarta Persistence entities. Adding this module to the module path or the class path is all
 * it takes: no annotation, no code and no {@code persistence.xml} property.
 *
 * <p>The signals are declared in {@link signals.jpa.ModelSignals}; {@link signals.jpa.Model} types
 * receivers by entity class. Hibernate finds this module's integrations with
 * {@link java.util.ServiceLoader}. The module reflects over nothing: entity packages are opened to
 * Hibernate ({@code org.hibernate.orm.core}) as Hibernate requires, never to this module.
 *
 * @provides org.hibernate.integrator.spi.Integrator registers the model signals' event listeners
 *     with each session factory, and sends {@code class_prepared}
 * @provides org.hibernate.service.spi.ServiceContributor wraps the schema management tool, for
 *     {@code pre_migrate} and {@code post_migrate}
 * @provides signals.core.spi.SignalAdapter describes this module and its signals to
 *     {@code signals.core}, for the inventory and for its missing-adapter warning
 */
module signals.jpa {
    requires transitive signals.core;
    requires org.hibernate.orm.core;
    // Transitive: the payloads hand receivers an EntityManager.
    requires transitive jakarta.persistence;
    // Hibernate's SessionFactory is a javax.naming.Referenceable and its API speaks java.sql;
    // an automatic module cannot ask for either, so its users must.
    requires java.naming;
    requires java.sql;

    exports signals.jpa;

    provides org.hibernate.integrator.spi.Integrator with signals.jpa.internal.SignalsIntegrator;
    provides org.hibernate.service.spi.ServiceContributor with signals.jpa.internal.SchemaSignalsContributor,
            signals.jpa.internal.TransactionSignalsContributor;
    provides signals.core.spi.SignalAdapter with signals.jpa.internal.JpaAdapter;
}
