package signals.benchmarks;

import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import signals.benchmarks.jpa.Reading;
import signals.core.ConnectOption;
import signals.core.SignalConnection;
import signals.core.TransactionPhase;
import signals.jpa.ModelSignals;

/**
 * What {@code signals.jpa} costs Hibernate ORM on an embedded H2 database: persisting and
 * committing 10,000 entities in JDBC batches of 50, and loading 10,000 entities with one query.
 *
 * <p>{@code signals}: {@code without} builds the session factory with the module's Hibernate
 * services hidden from it (as if the jar were absent); {@code present} with the module and no
 * receiver; {@code receiver} (writes only) with one {@code post_save} receiver for the entity;
 * {@code afterCommit} (writes only) with the same receiver connected with
 * {@code phase(AFTER_COMMIT)}, so that each of the 10,000 saves is queued on the transaction and
 * its receiver called after the commit. Compare {@code present}, {@code receiver} and
 * {@code afterCommit} with {@code without}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JpaBenchmark {

    static final int ROWS = 10_000;
    static final int BATCH = 50;

    /** A session factory on an H2 database of its own, with or without the module. */
    abstract static class Unit {
        SessionFactory factory;
        Connection keeper;
        SignalConnection receiver;
        long saves;

        void open(String signals) throws SQLException {
            String url = "jdbc:h2:mem:jpa-" + getClass().getSimpleName() + "-" + signals;
            keeper = DriverManager.getConnection(url, "sa", "");
            BootstrapServiceRegistryBuilder bootstrap = new BootstrapServiceRegistryBuilder();
            if (signals.equals("without")) {
                bootstrap.applyClassLoaderService(new WithoutSignals());
            }
            BootstrapServiceRegistry registry = bootstrap.build();
            StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder(registry)
                    .applySetting("hibernate.connection.url", url)
                    .applySetting("hibernate.connection.username", "sa")
                    .applySetting("hibernate.hbm2ddl.auto", "create")
                    .applySetting("hibernate.jdbc.batch_size", Integer.toString(BATCH))
                    .applySetting("hibernate.order_inserts", "true");
            factory = new MetadataSources(builder.build()).addAnnotatedClass(Reading.class).buildMetadata()
                    .buildSessionFactory();
            if (signals.equals("receiver")) {
                receiver = ModelSignals.POST_SAVE.connect((signal, sender, save) -> saves++,
                        ConnectOption.sender(Reading.class));
            } else if (signals.equals("afterCommit")) {
                receiver = ModelSignals.POST_SAVE.connect((signal, sender, save) -> saves++,
                        ConnectOption.sender(Reading.class), ConnectOption.phase(TransactionPhase.AFTER_COMMIT));
            }
        }

        void close() throws SQLException {
            if (receiver != null) {
                receiver.disconnect();
            }
            factory.close();
            keeper.close();
        }

        void write() {
            try (Session session = factory.openSession()) {
                Transaction transaction = session.beginTransaction();
                for (int i = 0; i < ROWS; i++) {
                    session.persist(new Reading("sensor-" + (i % 16), i));
                    if ((i + 1) % BATCH == 0) {
                        session.flush();
                        session.clear();
                    }
                }
                transaction.commit();
            }
        }

        void empty() throws SQLException {
            try (Statement statement = keeper.createStatement()) {
                statement.execute("TRUNCATE TABLE Reading");
            }
        }
    }

    /** Writes into an empty table each time. */
    @State(Scope.Benchmark)
    public static class Writes extends Unit {
        @Param({"without", "present", "receiver", "afterCommit"})
        String signals;

        @Setup(Level.Trial)
        public void openTheUnit() throws SQLException {
            open(signals);
        }

        @Setup(Level.Invocation)
        public void emptyTheTable() throws SQLException {
            empty();
        }

        @TearDown(Level.Trial)
        public void closeTheUnit() throws SQLException {
            close();
        }
    }

    /** Reads a table of 10,000 rows, written once. */
    @State(Scope.Benchmark)
    public static class Reads extends Unit {
        @Param({"without", "present"})
        String signals;

        @Setup(Level.Trial)
        public void openTheUnitAndFillIt() throws SQLException {
            open(signals);
            write();
        }

        @TearDown(Level.Trial)
        public void closeTheUnit() throws SQLException {
            close();
        }
    }

    /**
     * Persists and commits 10,000 entities, flushing every 50.
     *
     * @param unit the unit
     * @return the post_save count, so that nothing is optimised away
     */
    @Benchmark
    public long persist10k(Writes unit) {
        unit.write();
        return unit.saves;
    }

    /**
     * Loads 10,000 entities with one query.
     *
     * @param unit the unit
     * @return the sum of the values, so that nothing is optimised away
     */
    @Benchmark
    public double load10k(Reads unit) {
        try (Session session = unit.factory.openSession()) {
            double sum = 0;
            for (Reading reading : session.createSelectionQuery("from Reading", Reading.class).getResultList()) {
                sum += reading.getValue();
            }
            return sum;
        }
    }

    /** Hibernate's class loader service, minus the services of {@code signals.jpa}. */
    static final class WithoutSignals implements ClassLoaderService {
        private static final long serialVersionUID = 1L;
        private final transient ClassLoaderServiceImpl hibernate = new ClassLoaderServiceImpl();

        @Override
        public <T> Class<T> classForName(String className) {
            return hibernate.classForName(className);
        }

        @Override
        public URL locateResource(String name) {
            return hibernate.locateResource(name);
        }

        @Override
        public InputStream locateResourceStream(String name) {
            return hibernate.locateResourceStream(name);
        }

        @Override
        public List<URL> locateResources(String name) {
            return hibernate.locateResources(name);
        }

        @Override
        public <S> Collection<S> loadJavaServices(Class<S> serviceContract) {
            List<S> kept = new ArrayList<>();
            for (S service : hibernate.loadJavaServices(serviceContract)) {
                if (!service.getClass().getName().startsWith("signals.jpa.")) {
                    kept.add(service);
                }
            }
            return kept;
        }

        @Override
        public <T> T generateProxy(InvocationHandler handler, Class<?>... interfaces) {
            return hibernate.generateProxy(handler, interfaces);
        }

        @Override
        public Package packageForNameOrNull(String packageName) {
            return hibernate.packageForNameOrNull(packageName);
        }

        @Override
        public <T> T workWithClassLoader(Work<T> work) {
            return hibernate.workWithClassLoader(work);
        }

        @Override
        public void stop() {
            hibernate.stop();
        }
    }
}
