package signals.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An immutable snapshot of a signal's connections, indexed by sender so that a send finds its
 * receivers with one map look-up, however many senders have their own receivers. Django scans
 * every receiver on a cache miss; a Java service with ten thousand entity classes as senders
 * should not.
 *
 * <p>Never mutated after construction: senders read it without a lock, writers build a new one.
 */
final class Index {

    static final Index EMPTY = new Index(new Link[0], Route.EMPTY, Map.of(), false);

    /** The state of every signal until receiver discovery has run. */
    static final Index PENDING = new Index(new Link[0], Route.EMPTY, Map.of(), true);

    /** Every connection, in connection order. */
    final Link[] links;

    /** True until receiver discovery has run: the one flag the send path checks. */
    final boolean pending;

    private final Route anySender;
    private final Map<Object, Route> bySender;

    private Index(Link[] links, Route anySender, Map<Object, Route> bySender, boolean pending) {
        this.links = links;
        this.anySender = anySender;
        this.bySender = bySender;
        this.pending = pending;
    }

    /** The receivers of a send from this sender, in connection order. */
    Route route(Object sender) {
        if (sender == null || bySender.isEmpty()) {
            return anySender;
        }
        Route route = bySender.get(sender);
        return route == null ? anySender : route;
    }

    Link find(Link candidate) {
        for (Link link : links) {
            if (link.sameKey(candidate)) {
                return link;
            }
        }
        return null;
    }

    /** This snapshot plus one new link, which comes last in every route it belongs to. */
    Index with(Link link) {
        Link[] all = Arrays.copyOf(links, links.length + 1);
        all[links.length] = link;
        if (link.sender == null) {
            Map<Object, Route> routes = new HashMap<>(capacity(bySender.size()));
            bySender.forEach((sender, route) -> routes.put(sender, route.plus(link)));
            return new Index(all, anySender.plus(link), routes, pending);
        }
        Map<Object, Route> routes = new HashMap<>(capacity(bySender.size() + 1));
        routes.putAll(bySender);
        routes.put(link.sender, route(link.sender).plus(link));
        return new Index(all, anySender, routes, pending);
    }

    /**
     * This snapshot less the links that match; the same snapshot if none does. The removed links
     * are added to {@code removed}.
     */
    Index without(Predicate<Link> which, List<Link> removed) {
        List<Link> kept = new ArrayList<>(links.length);
        for (Link link : links) {
            if (which.test(link)) {
                removed.add(link);
            } else {
                kept.add(link);
            }
        }
        return removed.isEmpty() ? this : build(kept, pending);
    }

    Index discovered() {
        return new Index(links, anySender, bySender, false);
    }

    private static Index build(List<Link> links, boolean pending) {
        List<Link> anySender = new ArrayList<>();
        Map<Object, List<Link>> own = new LinkedHashMap<>();
        for (Link link : links) {
            if (link.sender == null) {
                anySender.add(link);
            } else {
                own.computeIfAbsent(link.sender, s -> new ArrayList<>()).add(link);
            }
        }
        Map<Object, Route> routes = new HashMap<>(capacity(own.size()));
        own.forEach((sender, mine) -> routes.put(sender, Route.merge(anySender, mine)));
        return new Index(links.toArray(new Link[0]), Route.of(anySender), routes, pending);
    }

    private static int capacity(int entries) {
        return (int) (entries / 0.75f) + 1;
    }

    /** The receivers for one sender: the links for {@link Signal#send}, the targets for fire. */
    static final class Route {
        static final Route EMPTY = of(List.of());

        final Link[] links;
        final Receiver<Object>[] targets;

        private Route(Link[] links) {
            this.links = links;
            this.targets = targetsOf(links);
        }

        static Route of(List<Link> links) {
            return new Route(links.toArray(new Link[0]));
        }

        /** Both lists are in connection order; so is the result. */
        static Route merge(List<Link> a, List<Link> b) {
            Link[] merged = new Link[a.size() + b.size()];
            int i = 0;
            int j = 0;
            int k = 0;
            while (i < a.size() && j < b.size()) {
                merged[k++] = a.get(i).sequence < b.get(j).sequence ? a.get(i++) : b.get(j++);
            }
            while (i < a.size()) {
                merged[k++] = a.get(i++);
            }
            while (j < b.size()) {
                merged[k++] = b.get(j++);
            }
            return new Route(merged);
        }

        Route plus(Link link) {
            Link[] more = Arrays.copyOf(links, links.length + 1);
            more[links.length] = link;
            return new Route(more);
        }

        @SuppressWarnings({"unchecked", "rawtypes"}) // generic array creation; every element is a Receiver<Object>
        private static Receiver<Object>[] targetsOf(Link[] links) {
            Receiver<Object>[] targets = new Receiver[links.length];
            for (int i = 0; i < links.length; i++) {
                targets[i] = links[i].target();
            }
            return targets;
        }
    }
}
