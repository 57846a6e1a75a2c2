/**
 * Relaying over PostgreSQL: {@link signals.relay.postgresql.PostgresRelay} names the database.
 *
 * <h2>Questions a reviewer asks</h2>
 * <dl>
 *   <dt>Why one outbox table with an application column, not a table per application?</dt>
 *   <dd>The DDL is then fixed: a team creates it once with its own migrations, and the relay
 *       needs no DDL rights when a new application starts relaying. Application names may hold
 *       {@code -}, which a table name would have to quote. Every query starts with the
 *       application, which leads the primary key, the one index.</dd>
 *   <dt>Why transaction ids, and not the identity column alone?</dt>
 *   <dd>An identity value is taken at insert and the row appears at commit: a reader that has
 *       passed id 10 would never see id 9 committed a moment later. Each row carries its
 *       transaction's id ({@code pg_current_xact_id()}); a reader takes only rows whose
 *       transaction is older than every transaction still running
 *       ({@code pg_snapshot_xmin(pg_current_snapshot())}), all of which have ended, in the
 *       order {@code (xid, id)}, after its stored position. Its own instance's publishing
 *       transaction is left out of that horizon: the instance never reads its own rows.</dd>
 *   <dt>Why is the outbox row written during the send, not in one statement before commit?</dt>
 *   <dd>A failed write then fails the send that caused it, naming the signal and the table,
 *       and PostgreSQL aborts the transaction on the failed statement, so it cannot commit
 *       without its message. The cost is one {@code INSERT} per relayed send inside the
 *       transaction, with no change to {@code signals.core}.</dd>
 *   <dt>Why is the {@code NOTIFY} sent after the commit, by the relay?</dt>
 *   <dd>A transaction that notifies takes a database-wide lock at commit, so that every
 *       notifying transaction commits one at a time. The business transaction does not notify;
 *       after its commit, a thread of the relay sends one {@code NOTIFY} for however many
 *       commits asked meanwhile. A lost notification only delays delivery to the next poll.</dd>
 * </dl>
 */
package signals.relay.postgresql;
