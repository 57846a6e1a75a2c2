package signals.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A snapshot of a signal's connections, indexed by sender so that a send finds its receivers with
 * one map look-up, however many senders have their own receivers. Django scans every receiver
 * on a cache miss; a Java service with ten thousand entity classes as senders should not.
 *
 * <p>Senders read it without a lock; writers, under the signal's lock, publish a new one. The
 * arrays (all links, each route) are never changed. The one exception is the per-sender map,
 * which successive snapshots of one signal share and which a connect for one sender updates in
 * place, a whole route at a time: copying it for each of ten thousand senders would make
 * connecting them quadratic. A send still reads one immutable route array; a send that runs
 * while a receiver is connected may or may not see it, as with any concurrent connect.
 */
final class Index {

    static final Index EMPTY = build(List.of(), false, false);

    /** The state of every signal until receiver discovery has run. */
    static final Index PENDING = build(List.of(), true, false);

    /** Every connection, in connection order. */
    final Link[] links;

    /** True until receiver discovery has run: the one flag the send path checks. */
    final boolean pending;

    /** True while the signal is muted: every route is empty, the links are kept for later. */
    final boolean muted;

    /** True when every link is for any sender: the common case, answered without a look-up. */
    final boolean anySenderOnly;
    private final Route anySender;
    private final SenderTable bySender;

    /**
     * Links for a class and its subclasses, and the routes of sender classes, built on demand.
     * The cache lives and dies with this snapshot: a {@link ClassValue} would store routes in the
     * sender classes themselves, where a route leading back to this snapshot pins it (and every
     * plugin class it reaches) for as long as the sender class lives.
     */
    private final Link[] bySupertype;
    private final Map<Class<?>, Route> byClass;

    private Index(Link[] links, Route anySender, SenderTable bySender, Link[] bySupertype, boolean pending,
                  boolean muted) {
        this.links = links;
        this.muted = muted;
        this.anySender = anySender;
        this.bySender = bySender;
        this.bySupertype = bySupertype;
        this.pending = pending;
        this.anySenderOnly = bySender.isEmpty() && bySupertype.length == 0;
        this.byClass = bySupertype.length == 0 ? Map.of() : new ConcurrentHashMap<>();
    }

    /** The receivers of a send from this sender, in connection order. */
    Route route(Object sender) {
        if (anySenderOnly || sender == null) {
            return anySender;
        }
        if (bySupertype.length != 0 && sender instanceof Class) {
            return byClass.computeIfAbsent((Class<?>) sender, this::routeOfClass);
        }
        return route(sender, bySender);
    }

    private Route routeOfClass(Class<?> type) {
        List<Link> matching = new ArrayList<>(List.of(route(type, bySender).all));
        for (Link link : bySupertype) {
            if (((Class<?>) link.listensTo()).isAssignableFrom(type)) {
                matching.add(link);
            }
        }
        matching.sort((a, b) -> Long.compare(a.sequence, b.sequence));
        return Route.of(matching);
    }

    private Route route(Object sender, SenderTable routes) {
        Route route = routes.get(sender);
        return route == null ? anySender : route;
    }

    /** The live link that the candidate would duplicate, or null: see {@link Duplicates}. */
    Link find(Link candidate) {
        // An existing link with the same key is in the candidate's own route.
        Link[] scope = muted ? links
                : candidate.subclasses ? bySupertype
                : candidate.listensTo() == null ? anySender.all
                : route(candidate.listensTo(), bySender).all;
        return Duplicates.find(scope, candidate);
    }

    /** This snapshot plus one new link, which comes last in every route it belongs to. */
    Index with(Link link) {
        Link[] all = Arrays.copyOf(links, links.length + 1);
        all[links.length] = link;
        if (muted) {
            return build(Arrays.asList(all), pending, true);
        }
        if (link.subclasses) {
            Link[] supertypes = Arrays.copyOf(bySupertype, bySupertype.length + 1);
            supertypes[bySupertype.length] = link;
            return new Index(all, anySender, bySender, supertypes, pending, false);
        }
        SenderTable routes = bySender.writable();
        Object sender = link.listensTo();
        if (sender == null) {
            routes.replaceAll(route -> route.plus(link));
            return new Index(all, anySender.plus(link), routes, bySupertype, pending, false);
        }
        routes.put(link.heldSender, route(sender, routes).plus(link));
        return new Index(all, anySender, routes, bySupertype, pending, false);
    }

    /**
     * This snapshot less the live links that match, which are added to {@code matched}, and less
     * every dead link, which is added to {@code swept}: a change is a good moment to sweep what
     * the cleaner has not reached yet. The same snapshot if nothing goes.
     */
    Index without(Predicate<Link> which, List<Link> matched, List<Link> swept) {
        List<Link> kept = new ArrayList<>(links.length);
        for (Link link : links) {
            if (!link.isLive()) {
                swept.add(link);
            } else if (which.test(link)) {
                matched.add(link);
            } else {
                kept.add(link);
            }
        }
        return kept.size() == links.length ? this : build(kept, pending, muted);
    }

    static boolean anyLive(Link[] links) {
        for (Link link : links) {
            if (link.isLive()) {
                return true;
            }
        }
        return false;
    }

    Index discovered() {
        return new Index(links, anySender, bySender, bySupertype, false, muted);
    }

    /** The same links in a new snapshot, with no cached routes. */
    Index rebuilt() {
        return build(Arrays.asList(links), pending, muted);
    }

    /** This snapshot plus new links, built once rather than link by link. */
    Index withAll(List<Link> added) {
        List<Link> all = new ArrayList<>(links.length + added.size());
        all.addAll(Arrays.asList(links));
        all.addAll(added);
        return build(all, pending, muted);
    }

    /** The same links, muted or not. */
    Index muted(boolean mute) {
        return mute == muted ? this : build(Arrays.asList(links), pending, mute);
    }

    private static Index build(List<Link> links, boolean pending, boolean muted) {
        if (muted) {
            return new Index(links.toArray(new Link[0]), Route.EMPTY, SenderTable.EMPTY, new Link[0], pending, true);
        }
        List<Link> anySender = new ArrayList<>();
        List<Link> supertypes = new ArrayList<>();
        Map<Object, List<Link>> own = new LinkedHashMap<>();
        for (Link link : links) {
            Object sender = link.listensTo();
            if (link.heldSender == null) {
                anySender.add(link);
            } else if (link.subclasses) {
                supertypes.add(link);
            } else if (sender != null) { // a collected sender's links can no longer be reached
                own.computeIfAbsent(sender, s -> new ArrayList<>()).add(link);
            }
        }
        SenderTable routes = own.isEmpty() ? SenderTable.EMPTY : SenderTable.create();
        own.forEach((sender, mine) -> routes.put(mine.get(0).heldSender, Route.merge(anySender, mine)));
        return new Index(links.toArray(new Link[0]), Route.of(anySender), routes, supertypes.toArray(new Link[0]),
                pending, false);
    }

    /**
     * The receivers for one sender: the links for {@link Signal#send}, the targets for fire, and
     * apart from them the links that wait for a transaction phase, which a send queues rather
     * than calls.
     */
    static final class Route {
        static final Route EMPTY = of(List.of());

        /** Every link, in connection order. */
        final Link[] all;
        /** The links called during a send, in connection order. */
        final Link[] links;
        /** The links with a transaction phase, in connection order; null when there are none. */
        final Link[] deferred;
        /** What {@link Delivery#call} calls; null when a responder is among the links, or a link waits for a phase. */
        final Receiver<Object>[] targets;
        /** True when every link is a plain {@link ReceiverLink}, none waiting for a phase: every reply is null, none is gone. */
        final boolean plain;
        /*
         * What send returns for a plain route: its replies are the same for every send, so one
         * read-only list serves them all. Made on the first send, since most routes never get
         * one; two threads racing may each make one, which is harmless, and the list's fields
         * are final, so a list seen through this field is always whole.
         */
        private Replies replies;

        private Route(Link[] all) {
            this.all = all;
            this.deferred = withPhase(all, true);
            this.links = deferred == null ? all : withPhase(all, false);
            // Null targets and not plain send a route with receivers that wait for a phase down the
            // slow paths of fire and send, where it is queued: the fast paths stay as they were.
            this.targets = deferred == null ? targetsOf(links) : null;
            this.plain = deferred == null && allPlain(links);
        }

        /** The links that have a phase (or that have none); null for none with one, all for none without. */
        private static Link[] withPhase(Link[] all, boolean phase) {
            int count = 0;
            for (Link link : all) {
                if ((link.phase != null) == phase) {
                    count++;
                }
            }
            if (count == 0) {
                return phase ? null : new Link[0];
            }
            Link[] chosen = new Link[count];
            int i = 0;
            for (Link link : all) {
                if ((link.phase != null) == phase) {
                    chosen[i++] = link;
                }
            }
            return chosen;
        }

        /**
         * Whether any link is live. A weak link whose owner was collected stays in the snapshot
         * until the cleaner sweeps it; it must not count in the meantime, as Django skips dead
         * references. Strong links are live, so this stops at the first one.
         */
        boolean anyLive() {
            return Index.anyLive(all);
        }

        /** The replies of every send over this plain route. */
        Replies plainReplies() {
            Replies made = replies;
            if (made == null) {
                made = new Replies(links, null, links.length);
                replies = made;
            }
            return made;
        }

        private static boolean allPlain(Link[] links) {
            for (Link link : links) {
                if (!(link instanceof ReceiverLink)) {
                    return false;
                }
            }
            return true;
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
            Link[] more = Arrays.copyOf(all, all.length + 1);
            more[all.length] = link;
            return new Route(more);
        }

        @SuppressWarnings({"unchecked", "rawtypes"}) // generic array creation; every element is a Receiver<Object>
        private static Receiver<Object>[] targetsOf(Link[] links) {
            Receiver<Object>[] targets = new Receiver[links.length];
            for (int i = 0; i < links.length; i++) {
                targets[i] = links[i].target();
                if (targets[i] == null) {
                    return null;
                }
            }
            return targets;
        }
    }
}
