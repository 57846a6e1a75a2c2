/**
 * Django's model and migration signals (pre_save, post_save, m2m_changed, ...) from Hibernate ORM 7.
 * Not written yet: this module is a placeholder so that the build, the BOM and the module names
 * are fixed from the start.
 */
module signals.jpa {
    requires signals.core;
}
