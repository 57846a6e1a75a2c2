package signals.core;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The replies of one send, as the read-only list that {@link Signal#send} returns. It keeps the
 * links that replied and their values, and makes each {@link Reply} only when asked for it, so
 * that a send allocates at most one array of values and this object, not a {@code Reply} per
 * receiver.
 * A send whose receivers are all plain {@link Receiver}s, which all reply null, needs not even
 * the array, and not even a new list: its route keeps one for every such send.
 */
final class Replies extends AbstractList<Reply> implements RandomAccess {

    // The route's own array, shared and never changed, unless a weak owner was gone mid-send.
    private final Link[] links;
    private final Object[] values; // null when every value is null
    private final int size;

    Replies(Link[] links, Object[] values, int size) {
        this.links = links;
        this.values = values;
        this.size = size;
    }

    @Override
    public Reply get(int index) {
        Objects.checkIndex(index, size);
        Object value = values == null ? null : values[index];
        if (value instanceof Failed) {
            return new Reply(links[index].receiver(), null, ((Failed) value).exception);
        }
        return new Reply(links[index].receiver(), value, null);
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * What {@link Signal#sendRobust} keeps in place of a value when the receiver threw. No
     * receiver can answer with one: the class is not reachable outside this package.
     */
    static final class Failed {
        final Exception exception;

        Failed(Exception exception) {
            this.exception = exception;
        }
    }
}
