/**
 * Not API, and not exported: the bridge between {@code signals.core}'s two exported packages.
 *
 * <p>The placement rule of every module of this project: public in {@code signals.x} is API;
 * package-private in {@code signals.x} is implementation; {@code signals.x.internal} holds only
 * what must be public without being API. In an adapter module that is its service providers,
 * which use the API package and are never used by it. Here it is the two classes that both
 * {@code signals.core} and {@code signals.core.spi} need, and that no application may call:
 * {@link signals.core.internal.Observers}, the installed send observers that every send reads,
 * and {@link signals.core.internal.SpiBridge}, the door through which the SPI reaches the
 * package-private machinery (declaring a built-in signal, firing from a host). A test of the
 * integration-tests module checks the rule on every built jar.
 */
package signals.core.internal;
