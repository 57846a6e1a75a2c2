/**
 * Django's setting_changed and tools to record and mute signals in JUnit Jupiter tests.
 * Not written yet: this module is a placeholder so that the build, the BOM and the module names
 * are fixed from the start.
 */
module signals.test {
    requires signals.core;
}
