/**
 * A consumer of the library, written as an application would be: it requires the modules it
 * uses and provides its receivers, nothing else. The integration tests run against it on the
 * module path and on the class path.
 */
module signals.it {
    requires transitive signals.core;
    requires signals.jdbc;

    exports signals.it;

    provides signals.core.ReceiverProvider with signals.it.ShopReceivers;
}
