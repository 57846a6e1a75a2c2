/**
 * Not API, and not exported: the one door between {@code signals.core}'s two exported packages.
 *
 * <p>The placement rule of every module of this project: public in {@code signals.x} is API;
 * package-private in {@code signals.x} is implementation; {@code signals.x.internal} holds only
 * what must be public without being API. In an adapter module that is its service providers,
 * which use the API package and are never used by it. Here it is one class,
 * {@link signals.core.internal.SpiBridge}, the door through which {@code signals.core.spi}
 * reaches the package-private machinery (declaring a built-in signal, an adapter's host event,
 * installing a send observer), on the JDK's {@code SharedSecrets} pattern: {@code signals.core}
 * implements it and opens it once, from {@code Signal}'s class initializer. It is the only
 * allowed exception to "the API package never uses its internal package"; the integration-tests
 * module checks that rule, and that the door is all this package holds, on every built jar.
 */
package signals.core.internal;
