package signals.core;

import java.util.function.UnaryOperator;

/**
 * The routes of senders that have receivers of their own: a hash table that finds a sender's
 * route without allocating, whether the sender is held strongly or weakly (see {@link Senders}).
 * A {@link java.util.HashMap} cannot: it compares the sender with a stored key by the sender's own
 * {@code equals}, which knows nothing of a weak reference.
 *
 * <p>Open addressing with linear probing, at most half full, so every probe ends at an empty
 * slot. Writers change it under the signal's lock, one slot at a time (an {@link Entry} is
 * immutable, so a racing reader sees a whole old entry or a whole new one) and publish a larger
 * array through a volatile write. A slot whose sender was collected matches nothing; the next
 * snapshot built from scratch leaves it out.
 */
final class SenderTable {

    /** Shared by every snapshot without per-sender receivers; never written. */
    static final SenderTable EMPTY = new SenderTable(new Entry[1], 0);

    private volatile Entry[] slots;
    private int size; // under the signal's lock

    private SenderTable(Entry[] slots, int size) {
        this.slots = slots;
        this.size = size;
    }

    /** A new, writable table. */
    static SenderTable create() {
        return new SenderTable(new Entry[16], 0);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** This table if it may be written, else a writable copy. */
    SenderTable writable() {
        return this == EMPTY ? create() : this;
    }

    /** The route of a sender, null if it has none of its own. */
    Index.Route get(Object sender) {
        Entry[] t = slots;
        int hash = Senders.hash(sender);
        int mask = t.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Entry e = t[i];
            if (e == null) {
                return null;
            }
            if (e.hash == hash && Senders.same(e.held, sender)) {
                return e.route;
            }
        }
    }

    /** How many slots {@link #get} reads to find this sender, or to find it missing. */
    int probes(Object sender) {
        Entry[] t = slots;
        int hash = Senders.hash(sender);
        int mask = t.length - 1;
        int read = 1;
        for (int i = hash & mask; t[i] != null && !(t[i].hash == hash && Senders.same(t[i].held, sender));
             i = (i + 1) & mask) {
            read++;
        }
        return read;
    }

    /** Files a route under a held sender (see {@link Senders#hold}), replacing its old one. */
    void put(Object held, Index.Route route) {
        Object sender = Senders.get(held);
        int hash = Senders.hash(sender);
        Entry[] t = slots;
        int i = slot(t, hash, sender);
        if (t[i] != null) {
            t[i] = new Entry(hash, t[i].held, route);
            return;
        }
        if ((size + 1) * 2 > t.length) {
            t = grown(t);
            i = slot(t, hash, sender);
            t[i] = new Entry(hash, held, route);
            slots = t;
        } else {
            t[i] = new Entry(hash, held, route);
        }
        size++;
    }

    /** Replaces every route, as a receiver for every sender joins each of them. */
    void replaceAll(UnaryOperator<Index.Route> change) {
        Entry[] t = slots;
        for (int i = 0; i < t.length; i++) {
            Entry e = t[i];
            if (e != null) {
                t[i] = new Entry(e.hash, e.held, change.apply(e.route));
            }
        }
    }

    /** The slot of this sender, or the empty slot where it would go. */
    private static int slot(Entry[] t, int hash, Object sender) {
        int mask = t.length - 1;
        int i = hash & mask;
        while (t[i] != null && !(t[i].hash == hash && Senders.same(t[i].held, sender))) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static Entry[] grown(Entry[] t) {
        Entry[] bigger = new Entry[t.length * 2];
        int mask = bigger.length - 1;
        for (Entry e : t) {
            if (e != null) {
                int i = e.hash & mask;
                while (bigger[i] != null) {
                    i = (i + 1) & mask;
                }
                bigger[i] = e;
            }
        }
        return bigger;
    }

    /** One sender and its route. */
    private static final class Entry {
        final int hash;
        final Object held;
        final Index.Route route;

        Entry(int hash, Object held, Index.Route route) {
            this.hash = hash;
            this.held = held;
            this.route = route;
        }
    }
}
