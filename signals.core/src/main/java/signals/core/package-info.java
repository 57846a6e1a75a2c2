/**
 * Django's signal dispatcher for Java: declare a {@link signals.core.Signal}, connect receivers,
 * send.
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>signal</dt><dd>a named event with a typed payload, declared once as a constant.</dd>
 *   <dt>sender</dt><dd>who sends: usually a class, an enum constant or a string. Receivers may
 *       listen to one sender only.</dd>
 *   <dt>receiver</dt><dd>code that runs on a send: a {@link signals.core.Receiver}, a
 *       {@link signals.core.Responder} that answers, or a {@link signals.core.WeakReceiver} or
 *       {@link signals.core.WeakResponder} tied to an owner.</dd>
 *   <dt>provider</dt><dd>a {@link signals.core.ReceiverProvider}: how a module connects its
 *       receivers without code in {@code main}.</dd>
 *   <dt>adapter</dt><dd>a module that fires Django's built-in signals from a host (JDBC, JPA,
 *       servlets, JUnit).</dd>
 * </dl>
 *
 * <h2>Questions a reviewer asks</h2>
 * <dl>
 *   <dt>Why is the receiver not weak by default, as in Django?</dt>
 *   <dd>A Java lambda or method reference passed to {@code connect} usually has no other
 *       reference; held weakly it would disappear at the next collection. Weak connections exist,
 *       tied to an explicit owner: {@link signals.core.Signal#connectWeak}.</dd>
 *   <dt>Why {@code fire} beside {@code send}?</dt>
 *   <dd>{@code send} returns the replies, as Django's does, and so must allocate a list.
 *       {@code fire} is the same send for callers that do not want replies, and allocates
 *       nothing.</dd>
 *   <dt>Why no annotations like {@code @receiver}?</dt>
 *   <dd>Finding annotated methods needs reflection, and on the module path that means every user
 *       module would have to {@code opens} its packages. A provider returns
 *       {@link signals.core.SignalBinding}s instead: the same declaration, as a value.</dd>
 *   <dt>What does a send cost?</dt>
 *   <dd>One volatile read, one map look-up when receivers are connected for particular senders,
 *       and a loop over an array; no lock and, for {@code fire}, no allocation. See
 *       {@code BENCHMARKS.md}.</dd>
 *   <dt>What is this not?</dt>
 *   <dd>Not a message broker: nothing is queued, persisted or sent to another process, and a
 *       receiver's failure is the sender's failure unless the sender chooses
 *       {@code sendRobust}. Not a type-dispatched event bus: receivers name the signal they want,
 *       not a payload class hierarchy.</dd>
 * </dl>
 *
 * <h2>Where things are</h2>
 * Public here is API; package-private is machinery; {@code signals.core.spi} is for adapter
 * authors; {@code signals.core.internal} (not exported) holds only {@code SpiBridge}, the one door
 * through which the SPI reaches the machinery, on the JDK's {@code SharedSecrets} pattern. The
 * machinery, one question per file:
 * <dl>
 *   <dt>who is connected?</dt><dd>{@code Link}, the base of a connection, and its kinds
 *       {@code ReceiverLink}, {@code ResponderLink}, {@code WeakLink}; {@code AlreadyConnected},
 *       what a duplicate connect returns; {@code Duplicates}, when a connect is one.</dd>
 *   <dt>who receives this send?</dt><dd>{@code Index}, a signal's immutable snapshot of its
 *       connections; {@code SenderTable}, the routes of senders with receivers of their own;
 *       {@code Senders}, which senders are held weakly.</dd>
 *   <dt>what happens during a send?</dt><dd>{@code Delivery}, the one home of delivery: the
 *       send observers, the switch to Flight Recorder's events and the loops that call
 *       receivers; {@code Stages}, following and waiting for a responder's stage;
 *       {@code AsyncSend}, what an asynchronous send keeps until its answers are in;
 *       {@code Replies}, the replies as a list; {@code HostRoute}, an adapter's host event;
 *       {@code SpiMachinery}, the core's side of the door.</dd>
 *   <dt>when does a dead connection go?</dt><dd>{@code Sweeper}.</dd>
 *   <dt>who connects at startup?</dt><dd>{@code Discovery}, the state machine of receiver
 *       discovery; {@code ProviderLoader}, the one reader of {@code ServiceLoader};
 *       {@code ClassPathCheck}, providers the class path hides; {@code Catalogue}, what is
 *       known, for the inventory and warnings.</dd>
 *   <dt>how is it described?</dt><dd>{@code Descriptions}, names in messages; {@code Origin},
 *       where a connection was made; {@code Log}, the module's one logger.</dd>
 *   <dt>what does JDK Flight Recorder see?</dt><dd>{@code Flight}, the one flag a send tests;
 *       {@code FlightEvents}, the events {@code signals.Send} and {@code signals.Receiver} and
 *       the sends that emit them, the only class that names a {@code jdk.jfr} type.</dd>
 * </dl>
 */
package signals.core;
