package signals.relay;

/**
 * A relay's counts since it started, as {@link Relay#state()} reads them; the inventory and the
 * {@code signals.RelayState} Flight Recorder event show the same.
 *
 * @param relayed sends of this instance that the broker stored
 * @param waiting sends of this instance queued and not yet stored: the outgoing lag
 * @param dropped sends of this instance that were not relayed: the queue stayed full, the
 *     relay was closing, or the codec failed
 * @param received sends of other instances delivered to this instance's receivers
 * @param duplicates deliveries of a send this relay had already delivered, dropped
 * @param skipped malformed messages from the broker, logged and skipped
 * @param behind messages the broker holds for this instance and has not delivered yet, as last
 *     seen: the incoming lag; -1 when the transport does not tell
 * @since 0.10
 */
public record RelayState(long relayed, long waiting, long dropped, long received, long duplicates,
                         long skipped, long behind) {

    /** Formats the counts for people: {@code relayed 3, waiting 0, ...}. */
    @Override
    public String toString() {
        return "relayed " + relayed + ", waiting " + waiting + ", dropped " + dropped + ", received " + received
                + ", duplicates " + duplicates + ", skipped " + skipped + ", behind "
                + (behind < 0 ? "unknown" : String.valueOf(behind));
    }
}
