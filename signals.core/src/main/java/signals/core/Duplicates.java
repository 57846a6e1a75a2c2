package signals.core;

import java.util.HashMap;
import java.util.Map;

/**
 * When a connect is a duplicate, in one place: Django's rule that a receiver (or a dispatch uid)
 * is connected once per sender. Two links are the same connection when they have the same
 * dispatch uid, or else the same receiver object and weak owner, and listen to the same sender
 * in the same way. A dead link (its weak owner or sender collected, not yet swept) is never a
 * duplicate: Django purges dead receivers before it checks, so a reconnect always lands.
 */
final class Duplicates {

    private final Map<Key, Link> live = new HashMap<>();

    /** Every live link of a snapshot, for checking many candidates at once. */
    Duplicates(Link[] links) {
        for (Link link : links) {
            if (link.isLive()) {
                live.putIfAbsent(keyOf(link), link);
            }
        }
    }

    /** The live link the candidate duplicates, or null after recording the candidate as new. */
    Link claim(Link candidate) {
        return live.putIfAbsent(keyOf(candidate), candidate);
    }

    /** The live link in {@code scope} that the candidate duplicates, or null. */
    static Link find(Link[] scope, Link candidate) {
        Key key = keyOf(candidate);
        for (Link link : scope) {
            if (link.isLive() && keyOf(link).equals(key)) {
                return link;
            }
        }
        return null;
    }

    /**
     * A link's identity as a value. It holds the receiver and a weak owner strongly, so it is
     * only ever kept for the length of one connect.
     */
    private static Key keyOf(Link link) {
        Object who = link.uid != null ? link.uid : new Identity(link.receiver(), link.owner(), link instanceof WeakLink);
        return new Key(who, link.listensTo(), link.subclasses);
    }

    private record Key(Object who, Object sender, boolean subclasses) {
    }

    /** A receiver (with its weak owner) compared by identity, as Django compares receiver ids. */
    private static final class Identity {
        private final Object receiver;
        private final Object owner;
        private final boolean weak;

        Identity(Object receiver, Object owner, boolean weak) {
            this.receiver = receiver;
            this.owner = owner;
            this.weak = weak;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity && ((Identity) other).receiver == receiver
                    && ((Identity) other).owner == owner && ((Identity) other).weak == weak;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(receiver) * 31 + System.identityHashCode(owner);
        }
    }
}
