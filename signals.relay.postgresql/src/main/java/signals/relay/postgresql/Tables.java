package signals.relay.postgresql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The relay's two tables under one prefix, and every statement this transport runs on them, in
 * one place so that the README's DDL and the code cannot drift apart unseen (a test compares
 * them).
 */
final class Tables {

    final String outbox;
    final String positions;
    /** The NOTIFY channel: one per prefix, the payload names the application. */
    final String channel;

    Tables(String prefix) {
        this.outbox = prefix + "outbox";
        this.positions = prefix + "positions";
        this.channel = prefix.replace('.', '_') + "outbox";
    }

    /**
     * The DDL the transport runs when the outbox is missing, as the README shows it. The outbox's
     * one index is its primary key, in the order every reader walks it: each row inserted
     * updates one index, not two.
     */
    String[] ddl() {
        return new String[] {
            "create table if not exists " + outbox + " (\n"
                    + "    id          bigint generated always as identity,\n"
                    + "    application text        not null,\n"
                    + "    xid         xid8        not null default pg_current_xact_id(),\n"
                    + "    instance    text        not null,\n"
                    + "    headers     text        not null,\n"
                    + "    body        bytea       not null,\n"
                    + "    created     timestamptz not null default now(),\n"
                    + "    primary key (application, xid, id)\n"
                    + ")",
            "create table if not exists " + positions + " (\n"
                    + "    application text        not null,\n"
                    + "    instance    text        not null,\n"
                    + "    last_xid    xid8        not null,\n"
                    + "    last_id     bigint      not null,\n"
                    + "    missed      bigint      not null default 0,\n"
                    + "    updated     timestamptz not null default now(),\n"
                    + "    primary key (application, instance)\n"
                    + ")"
        };
    }

    String exists() {
        return "select to_regclass(?) is not null and to_regclass(?) is not null";
    }

    String insert() {
        return "insert into " + outbox + " (application, instance, headers, body) values (?, ?, ?, ?)";
    }

    /**
     * A whole batch in one statement, from two arrays: the server plans and runs one insert,
     * not one per row, and the ids follow the arrays' order.
     */
    String insertAll() {
        return "insert into " + outbox + " (application, instance, headers, body) select ?, ?, headers, body"
                + " from unnest(?::text[], ?::bytea[]) with ordinality as batch (headers, body, place) order by place";
    }

    String stored() {
        return "select count(*) from " + outbox + " where application = ? and instance = ? and strpos(headers, ?) > 0";
    }

    String notifyApplication() {
        return "select pg_notify(?, ?)";
    }

    /** The NOTIFY of a publishing transaction, answering that transaction's id. */
    String notifyAndName() {
        return "select pg_current_xact_id()::text from (select pg_notify(?, ?)) notified";
    }

    String listen() {
        return "listen \"" + channel + "\"";
    }

    /** A new instance starts at the end: after every transaction that has ended. */
    String startPosition() {
        return "insert into " + positions + " (application, instance, last_xid, last_id)"
                + " values (?, ?, pg_snapshot_xmin(pg_current_snapshot()), 0) on conflict do nothing";
    }

    String position() {
        return "select last_xid::text, last_id from " + positions + " where application = ? and instance = ?";
    }

    /**
     * Stores a reader's position without waiting for the disk ({@code synchronous_commit} off for
     * this one transaction): a position a server crash loses only makes the instance read again
     * what it had read, which at-least-once allows, and the reader does not wait for a flush of
     * the write-ahead log after every batch.
     */
    String savePosition() {
        return "update " + positions + " set last_xid = ?::text::xid8, last_id = ?, updated = now()"
                + " from (select set_config('synchronous_commit', 'off', true)) quick"
                + " where application = ? and instance = ?";
    }

    /**
     * The rows of ended transactions after a position, in transaction order. Below the horizon
     * every transaction has ended, so no row can appear later before a row already read: what an
     * identity column alone cannot promise, since ids are taken at insert and rows appear at
     * commit. The horizon is the oldest transaction still running ({@code pg_snapshot_xmin}),
     * leaving out one given transaction: the reading instance's own publishing one, whose rows
     * that instance never reads, so that a reader does not wait for its own instance's commit.
     */
    String read() {
        return "select id, xid::text, headers, body from " + outbox
                + " where application = ? and instance <> ? and (xid, id) > (?::text::xid8, ?)"
                + " and xid < (select coalesce((select min(running) from pg_snapshot_xip(seen) running"
                + " where running <> ?::text::xid8), pg_snapshot_xmax(seen)) from pg_current_snapshot() seen)"
                + " order by xid, id limit ?";
    }

    /** How many rows wait after a position, counted up to a cap so that it stays cheap. */
    String behind() {
        return "select count(*) from (select 1 from " + outbox
                + " where application = ? and instance <> ? and (xid, id) > (?::text::xid8, ?) limit 100000) waiting";
    }

    /** Taken by the one instance that deletes expired rows; the others skip that round. */
    String retentionLock() {
        return "select pg_try_advisory_xact_lock(hashtext(?))";
    }

    /**
     * The first row to keep, as {@code (xid, id)}: the first row younger than the retention in the
     * primary key's order, found by walking it from the oldest row, so that the cost is the rows
     * to delete; at the latest the horizon, so that only ended transactions' rows go.
     */
    String firstKept() {
        return "select xid::text, id from ((select xid, id from " + outbox + " where application = ? and created >="
                + " now() - make_interval(secs => ?) order by xid, id limit 1) union all"
                + " (select pg_snapshot_xmin(pg_current_snapshot()), 0)) kept order by xid, id limit 1";
    }

    /** Adds to each instance's {@code missed} the expired rows it has not read yet. */
    String countMissed() {
        return "update " + positions + " p set missed = p.missed + m.n from (select q.instance, count(*) n from "
                + positions + " q join " + outbox + " o on o.application = q.application and o.instance <> q.instance"
                + " and (o.xid, o.id) > (q.last_xid, q.last_id) where q.application = ?"
                + " and (o.xid, o.id) < (?::text::xid8, ?)"
                + " group by q.instance) m where p.application = ? and p.instance = m.instance";
    }

    String expire() {
        return "delete from " + outbox + " where application = ? and (xid, id) < (?::text::xid8, ?)";
    }

    /** Reads and clears an instance's count of missed rows. */
    String takeMissed() {
        return "update " + positions + " p set missed = 0 from (select missed from " + positions
                + " where application = ? and instance = ? for update) o where p.application = ? and p.instance = ?"
                + " and o.missed > 0 returning o.missed";
    }

    String identity() {
        return "select current_database() || ' started ' || pg_postmaster_start_time()::text";
    }

    /** The headers as the outbox holds them: one {@code name: value} a line. */
    static String headers(Map<String, String> headers) {
        StringBuilder text = new StringBuilder(256);
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }

    /** Reads the headers back; a line without {@code ": "} is left out (the relay then finds a header missing). */
    static Map<String, String> headers(String text) {
        return headers(text, new String[0]);
    }

    /**
     * Reads the headers back, taking each name from {@code names} where the same name stood at
     * the same place in the last message read, and putting new ones there. Every row carries the
     * same few names in the same order: a name taken again is not copied, and its hash, which
     * the header map needs, is already known.
     */
    static Map<String, String> headers(String text, String[] names) {
        Map<String, String> headers = new LinkedHashMap<>();
        int start = 0;
        int place = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int colon = text.indexOf(": ", start);
            if (colon > start && colon < end) {
                String name = place < names.length ? names[place] : null;
                if (name == null || name.length() != colon - start || !text.startsWith(name, start)) {
                    name = text.substring(start, colon);
                    if (place < names.length) {
                        names[place] = name;
                    }
                }
                headers.put(name, text.substring(colon + 2, end));
                place++;
            }
            start = end + 1;
        }
        return headers;
    }

    /** What identifies a stored message in the headers column. */
    static String idLine(String id) {
        return "Signals-Id: " + id + "\n";
    }
}
