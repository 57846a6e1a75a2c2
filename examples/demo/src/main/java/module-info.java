/**
 * The example's scripted scenario. It drives the shop through its public API and its web front,
 * and watches every send through {@link signals.core.spi.SendObserver}; the receivers module is on
 * the module path but never named here.
 */
module signals.examples.demo {
    requires signals.core;
    requires signals.examples.shop;
    requires signals.test;
    requires java.net.http;
    requires java.logging;
}
