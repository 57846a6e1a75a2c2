/**
 * What the tests of the relay's transports share, written once: {@link signals.relay.testkit.Node}
 * runs an instance of an application in a child JVM and drives it line by line,
 * {@link signals.relay.testkit.RelayNode} is that instance's side of the conversation,
 * {@link signals.relay.testkit.HandTransactions} a transaction host driven by hand, and
 * {@link signals.relay.testkit.LogCapture} the relay's log records kept for assertions.
 *
 * <p>A transport keeps what is its own: how to build its transport, and how to start and stop
 * its server. This jar has no {@code module-info.java}: it lives on the class path of the
 * transports' tests, on either of their runs (the module path, where the tests are patched into
 * the transport's module and read the class path, and the plain class path), and on the class
 * path of the child JVMs, where its service file registers {@link signals.relay.testkit.HandTransactions}.
 */
package signals.relay.testkit;
