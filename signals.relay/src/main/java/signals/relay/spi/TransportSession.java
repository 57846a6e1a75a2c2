package signals.relay.spi;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Future;

/**
 * One relay's connection to its broker, from {@link Transport#open}.
 *
 * <h2>Rules for implementers</h2>
 * <ul>
 *   <li>{@link #publish} is called by one thread at a time, with batches in send order; when it
 *       returns, the broker stored every message of the batch. It may pipeline a batch (send
 *       all, then wait for the confirmations), but the broker must never store a message of a
 *       batch without every message before it: over one ordered connection, a message lost
 *       with the connection takes the later ones with it. When it throws, the relay publishes
 *       the whole batch again, so publishing a message twice must store it once: use
 *       {@link WireMessage#id()} as the broker's deduplication key.</li>
 *   <li>Messages of other instances go to {@link TransportContext#deliver} one at a time, on a
 *       thread of the transport, in the order the broker stored them; a message is acknowledged
 *       only after {@code deliver} returned, so that a crash delivers it again rather than
 *       never. The instance's own messages may be delivered too: the relay drops them. A
 *       transport that can tell them apart cheaply (by {@link WireMessage#INSTANCE_HEADER})
 *       may acknowledge them without delivering them.</li>
 *   <li>A lost connection is the transport's to recover, silently apart from its log: publishes
 *       fail with an {@link IOException} (the relay retries them), delivery resumes where the
 *       instance's position stood.</li>
 *   <li>{@link #close} stops every thread the session started before it returns.</li>
 * </ul>
 *
 * @since 0.10
 */
public interface TransportSession extends AutoCloseable {

    /**
     * The largest {@link WireMessage#size()} this broker takes, so that a send too large for it
     * fails with a clear error before it is queued, rather than at the broker.
     *
     * @return the limit in bytes, positive
     */
    int maxMessageBytes();

    /**
     * Stores messages in the broker, in order, for every other instance.
     *
     * @param batch one or more messages, in send order; not null
     * @throws IOException when the broker did not confirm them all; the relay publishes the
     *     batch again
     * @throws InterruptedException when the relay closes while waiting
     */
    void publish(List<WireMessage> batch) throws IOException, InterruptedException;

    /**
     * Hands one message to the broker without waiting for its confirmation, on the thread that
     * sent it, when the relay has nothing queued or unconfirmed: a relayed send then reaches the
     * broker without a thread switch. The relay calls it with its queue locked, so it must not
     * wait on the network (a transport whose writes block, as JDBC's do, keeps the default), and
     * never while a {@link #publish} is under way: at most one batch or message is unconfirmed.
     *
     * @param message the prepared message, not null
     * @return what completes once the broker stored the message, or fails when it did not (the
     *     relay then publishes it again with {@link #publish}); null when this transport cannot
     *     publish without waiting, and the relay queues the message for {@link #publish}. The
     *     default returns null
     * @throws IOException when the message cannot be handed over now (not connected); the relay
     *     queues it
     * @since 0.10
     */
    default Future<?> publishNow(WireMessage message) throws IOException {
        return null;
    }

    /**
     * Writes one message into the sending thread's database transaction, if this transport keeps
     * its messages in that database (an outbox): the message is then stored if, and only if, the
     * transaction commits, and the relay does not queue it for {@link #publish}. The relay calls it
     * during the send, while the transaction is open, for each relayed send made inside a
     * transaction ({@code signals.core.Transactions.isActive()}); the transport finds the
     * transaction's connection with {@code Transactions.resource(java.sql.Connection.class)} and
     * arranges its own wake-up of the other instances after the commit
     * ({@code Transactions.onCommit}).
     *
     * <p>Why during the send and not in one write before the commit: a failed write then fails
     * the send that caused it, naming the signal, before the application goes on, and the
     * messages of one transaction are stored in the order they were sent. It costs one statement
     * per relayed send in the sending transaction.
     *
     * @param message the prepared message, not null
     * @return true when it was written in the transaction; false when this transport cannot
     *     (no transaction connection, or one to another database), and the relay then publishes
     *     it after the commit as usual. The default returns false.
     * @throws IOException when the write failed; the relay fails the send, so that the
     *     transaction does not commit without its message. The message names the table
     * @since 0.10
     */
    default boolean publishInTransaction(WireMessage message) throws IOException {
        return false;
    }

    /**
     * How many messages the broker holds for this instance that it has not delivered yet: the
     * relay's lag, as last seen.
     *
     * @return the count, or -1 when the broker does not tell
     */
    long behind();

    /**
     * Stops delivering and disconnects; every thread of the session has ended when it returns.
     * Messages delivered but not acknowledged are delivered again to the instance's next
     * session.
     */
    @Override
    void close();
}
