/**
 * Django's {@code connection_created} for JDBC: run code on every new database connection,
 * before the application uses it.
 *
 * <pre>{@code
 * ConnectionSignals.CONNECTION_CREATED.connect((signal, alias, created) -> {
 *     try (Statement statement = created.connection().createStatement()) {
 *         statement.execute("SET search_path TO orders, public");
 *     }
 * }, ConnectOption.sender("orders"));
 * }</pre>
 *
 * The signal fires when a connection is opened through {@link signals.jdbc.SignalsDataSource}
 * (a {@code DataSource} around another, or around a URL) or through {@link signals.jdbc.SignalsDriver}
 * (any URL with {@code signals:} after {@code jdbc:}). In a receiver, usually provided by a
 * {@link signals.core.ReceiverProvider}, the connection is
 * {@link signals.jdbc.ConnectionCreated#connection()} and the data source's name is the sender.
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>physical connection</dt><dd>a session with the database server, opened by the driver;
 *       what {@code connection_created} is about.</dd>
 *   <dt>checkout</dt><dd>a pool lending one of its physical connections to the application;
 *       it fires nothing.</dd>
 *   <dt>alias</dt><dd>the name of a data source, as in Django's {@code DATABASES} keys; the
 *       signal's sender. {@link signals.jdbc.SignalsDataSource#setAlias} for the data source
 *       ({@code "default"} unless set), the {@code signalsAlias} connection property for the driver
 *       (the URL without passwords unless set).</dd>
 *   <dt>target</dt><dd>what really opens the connection: the wrapped {@code DataSource}, or the
 *       driver for the URL without {@code signals:}.</dd>
 * </dl>
 *
 * <h2>Questions a reviewer asks</h2>
 * <dl>
 *   <dt>Why is the real connection returned, not a wrapper?</dt>
 *   <dd>The signal is about opening a connection; after that there is nothing to intercept. A
 *       wrapper would cost a call on every statement, hide the driver's own class from
 *       {@code instanceof} checks and make {@code unwrap} depend on this module. Returning the
 *       driver's object makes a statement cost exactly what it costs without this module.</dd>
 *   <dt>Why not fire on every checkout from a pool?</dt>
 *   <dd>Django's signal fires when a connection to the database is established, and its purpose
 *       is to prepare the session: a session setting outlives the checkout, so preparing it
 *       once is enough, and doing it on every checkout would add a round trip to every request.
 *       Put the pool in front of this module, not behind it, and the pool's physical
 *       connections are the ones announced.</dd>
 *   <dt>Why is the sender the alias, a {@code String}?</dt>
 *   <dd>So that receivers can listen to one database with {@code ConnectOption.sender("orders")},
 *       as Django receivers look at {@code connection.alias}. The payload carries the alias too,
 *       and the URL without passwords when it is known.</dd>
 *   <dt>What happens when a receiver throws?</dt>
 *   <dd>The new connection is closed, and whoever asked for it (the pool, usually) gets an
 *       {@link java.sql.SQLException} whose cause is the receiver's own exception. Half-prepared
 *       connections never reach the application. A receiver's {@link InterruptedException}
 *       leaves the caller's thread interrupted, so that it still stops. An {@link Error} is
 *       passed on unchanged, after the connection is closed.</dd>
 *   <dt>How do I use it with HikariCP?</dt>
 *   <dd>Either change the URL: {@code jdbcUrl=jdbc:signals:postgresql://db/orders}, and optionally
 *       {@code dataSource.signalsAlias=orders}; or name the wrapper:
 *       {@code dataSourceClassName=signals.jdbc.SignalsDataSource}, {@code dataSource.url=...},
 *       {@code dataSource.user=...}, {@code dataSource.password=...},
 *       {@code dataSource.alias=orders}; or, in code,
 *       {@code config.setDataSource(new SignalsDataSource(pgDataSource, "orders"))}.</dd>
 *   <dt>How do I use it with Hibernate or JPA?</dt>
 *   <dd>Change {@code jakarta.persistence.jdbc.url} (or {@code hibernate.connection.url}) to the
 *       {@code jdbc:signals:} form; Hibernate passes {@code hibernate.connection.signalsAlias}
 *       to the driver as {@code signalsAlias}. With a pool or a container's {@code DataSource},
 *       configure that instead, as above.</dd>
 *   <dt>What does it cost?</dt>
 *   <dd>Nothing per statement. Per physical connection: one look-up of the registered drivers
 *       (as {@code DriverManager} does), one small payload and one send.</dd>
 * </dl>
 *
 * <h2>Where things are</h2>
 * Public here is API: the payload {@link signals.jdbc.ConnectionCreated}, the signal
 * {@link signals.jdbc.ConnectionSignals}, the two ways in, {@link signals.jdbc.SignalsDriver}
 * and {@link signals.jdbc.SignalsDataSource}. Package-private here is machinery: announcing a new
 * connection and closing it when a receiver fails ({@code Announcer}), reading and masking JDBC
 * URLs ({@code JdbcUrls}), and the two connection modes of the data source
 * ({@code ConnectionMode}: {@code WrappedMode} for a target {@code DataSource}, {@code UrlMode}
 * for a URL and its driver). The package
 * {@code signals.jdbc.internal} holds only the {@code SignalAdapter} provider.
 */
package signals.jdbc;
