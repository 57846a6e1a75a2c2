package signals.examples.receivers;

import static signals.core.ConnectOption.name;
import static signals.core.ConnectOption.phase;
import static signals.core.ConnectOption.sender;
import static signals.core.SignalBinding.receiver;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import signals.core.ReceiverProvider;
import signals.core.Signal;
import signals.core.SignalBinding;
import signals.core.TransactionPhase;
import signals.examples.shop.AuditLog;
import signals.examples.shop.Cache;
import signals.examples.shop.Metrics;
import signals.examples.shop.Pizzeria;
import signals.examples.shop.RequestTimes;
import signals.examples.shop.Shop;
import signals.examples.shop.model.Order;
import signals.examples.shop.model.OrderLine;
import signals.examples.shop.model.Tag;
import signals.jdbc.ConnectionCreated;
import signals.jdbc.ConnectionSignals;
import signals.jpa.ClassPrepared;
import signals.jpa.M2mChanged;
import signals.jpa.Model;
import signals.jpa.ModelSignals;
import signals.jpa.PostDelete;
import signals.jpa.PostMigrate;
import signals.jpa.PostSave;
import signals.jpa.PreDelete;
import signals.jpa.PreMigrate;
import signals.jpa.PreSave;
import signals.servlet.GotRequestException;
import signals.servlet.RequestFinished;
import signals.servlet.RequestSignals;
import signals.servlet.RequestStarted;
import signals.test.SettingChanged;
import signals.test.TestSignals;

/**
 * Everything the shop does in reaction to a signal, connected by {@code provides} in this module's
 * descriptor and nothing else. Each receiver that changes something prints what it did, indented
 * under the signal that caused it.
 */
public final class ShopReceivers implements ReceiverProvider {

    /** The time zone every session of the shop's database runs in. */
    static final String TIME_ZONE = "Europe/Rome";

    /** The request attribute where a request's start time waits for its end. */
    private static final String STARTED = ShopReceivers.class.getName() + ".started";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ShopReceivers() {
    }

    @Override
    public List<SignalBinding<?>> receivers() {
        // Each receiver is named (ConnectOption.name): the inventory, the live page, the
        // sendRobust log and a ReceiverException's message show the name, not "lambda in ...".
        return List.of(
                receiver(ConnectionSignals.CONNECTION_CREATED, ShopReceivers::setTimeZone,
                        sender(Shop.DATABASE), name("set the session time zone")),
                receiver(Pizzeria.PIZZA_DONE, ShopReceivers::pizzaDone, sender("seven"), name("announce the pizza")),
                // The model: boot, saves, deletes, loads, tags.
                receiver(ModelSignals.CLASS_PREPARED, ShopReceivers::countModel, name("count the models")),
                receiver(ModelSignals.PRE_MIGRATE, ShopReceivers::beforeMigrate, name("announce the schema action")),
                receiver(ModelSignals.POST_MIGRATE, ShopReceivers::afterMigrate, name("audit the schema action")),
                Model.of(Tag.class).preSave(ShopReceivers::normaliseTagName, name("lower-case the tag name")),
                Model.of(OrderLine.class).postSave(ShopReceivers::keepOrderTotal, name("keep the order total")),
                Model.of(Order.class).postSave(ShopReceivers::auditNewOrder, name("audit the new order")),
                // Only once the order is committed: a rolled-back order is never confirmed.
                Model.of(Order.class).postSave(ShopReceivers::confirmNewOrder, phase(TransactionPhase.AFTER_COMMIT),
                        name("e-mail the confirmation")),
                Model.of(Order.class).preDelete(ShopReceivers::forgetOrderTags, name("forget the cached tags")),
                receiver(ModelSignals.POST_DELETE, ShopReceivers::audit, name("audit the delete")),
                Model.of(Order.class).preInit((signal, model, init) -> Metrics.increment("order rows read"),
                        name("count order rows read")),
                Model.of(Order.class).postInit((signal, model, init) -> Metrics.increment("orders loaded"),
                        name("count orders loaded")),
                receiver(ModelSignals.M2M_CHANGED, ShopReceivers::invalidateTags,
                        sender(ModelSignals.association(Order.class, "tags")), name("invalidate the cached tags")),
                // The web front.
                receiver(RequestSignals.REQUEST_STARTED, ShopReceivers::startTimer, name("start the request timer")),
                receiver(RequestSignals.REQUEST_FINISHED, ShopReceivers::stopTimer, name("time the request")),
                receiver(RequestSignals.GOT_REQUEST_EXCEPTION, ShopReceivers::reportError, name("audit the server error")),
                receiver(RequestSignals.TEMPLATE_RENDERED, (signal, context, view) -> Metrics.increment("rendered " + view.template()),
                        name("count the renders")),
                // Settings, as tests override them.
                receiver(TestSignals.SETTING_CHANGED, ShopReceivers::invalidatePriceList, name("invalidate the price list")));
    }

    /** Django's favourite use of connection_created: prepare every new session once. */
    static void setTimeZone(Signal<?> signal, Object alias, ConnectionCreated created) throws SQLException {
        try (Statement statement = created.connection().createStatement()) {
            statement.execute("SET TIME ZONE '" + TIME_ZONE + "'");
        }
        did("the session's time zone is now " + TIME_ZONE);
    }

    /** Django: {@code def callback(sender, **kwargs): print("Pizza done", sender, kwargs)}. */
    static void pizzaDone(Signal<?> signal, Object sender, Pizzeria.PizzaDone pizza) {
        did("Pizza done " + sender + " " + pizza);
    }

    static void countModel(Signal<?> signal, Object model, ClassPrepared prepared) {
        Metrics.increment("models prepared");
    }

    static void beforeMigrate(Signal<?> signal, Object unit, PreMigrate migrate) {
        did("about to " + migrate.action().externalName() + " the tables of " + migrate.models().size() + " entities in " + migrate.using());
    }

    static void afterMigrate(Signal<?> signal, Object unit, PostMigrate migrate) {
        AuditLog.write("schema " + migrate.action().externalName() + " done for unit " + migrate.using());
        did("audit: schema " + migrate.action().externalName() + " done");
    }

    /** Tags are stored in lower case whoever typed them: changed before the insert, written by it. */
    static void normaliseTagName(Signal<?> signal, Object model, PreSave<Tag> save) {
        String name = save.instance().getName().toLowerCase(Locale.ROOT);
        if (!name.equals(save.instance().getName())) {
            save.instance().setName(name);
            did("tag name normalised to \"" + name + "\"");
        }
    }

    /** The denormalised total: whenever a line is saved, its order's total follows. */
    static void keepOrderTotal(Signal<?> signal, Object model, PostSave<OrderLine> save) {
        Order order = save.instance().getOrder();
        long total = order.linesTotalCents();
        if (order.getTotalCents() != total) {
            order.setTotalCents(total);
            did(order + " total is now " + total + " cents (written at the next flush: a post_save of the order)");
        }
    }

    static void auditNewOrder(Signal<?> signal, Object model, PostSave<Order> save) {
        if (save.created()) {
            String line = "placed " + save.instance() + " for " + save.instance().getCustomer();
            AuditLog.write(line);
            did("audit: " + line);
        }
    }

    static void confirmNewOrder(Signal<?> signal, Object model, PostSave<Order> save) {
        if (save.created()) {
            did("after commit: confirmation e-mailed for " + save.instance());
        }
    }

    static void forgetOrderTags(Signal<?> signal, Object model, PreDelete<Order> delete) {
        Cache.DEFAULT.invalidate(Shop.tagsCacheKey(delete.using(), delete.instance().getId()));
    }

    static void audit(Signal<?> signal, Object model, PostDelete<?> delete) {
        String line = "deleted " + delete.instance()
                + (delete.origin() == delete.instance() ? "" : " (cascaded from " + delete.origin() + ")");
        AuditLog.write(line);
        did("audit: " + line);
    }

    static void invalidateTags(Signal<?> signal, Object association, M2mChanged change) {
        if (change.action().name().startsWith("POST_")) {
            Cache.DEFAULT.invalidate(Shop.tagsCacheKey(change.using(), ((Order) change.instance()).getId()));
            did("cache: tags of " + change.instance() + " invalidated");
        }
    }

    static void startTimer(Signal<?> signal, Object context, RequestStarted started) {
        started.request().setAttribute(STARTED, System.nanoTime());
    }

    static void stopTimer(Signal<?> signal, Object context, RequestFinished finished) {
        HttpServletRequest request = finished.request();
        if (request.getAttribute(STARTED) instanceof Long started) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            RequestTimes.record(request.getMethod() + " " + request.getRequestURI(), elapsed);
            did(request.getMethod() + " " + request.getRequestURI() + " took " + elapsed.toMillis() + " ms");
        }
    }

    static void reportError(Signal<?> signal, Object context, GotRequestException failure) {
        String line = "server error on " + failure.request().getMethod() + " " + failure.request().getRequestURI() + ": "
                + failure.exception();
        AuditLog.write(line);
        did("audit: " + line);
    }

    static void invalidatePriceList(Signal<?> signal, Object source, SettingChanged changed) {
        if (changed.setting().equals(Shop.CURRENCY)) {
            Cache.DEFAULT.invalidate(Shop.PRICE_LIST_KEY);
            did("cache: price list invalidated (" + Shop.CURRENCY + " is now "
                    + (changed.value() == null ? "unset" : changed.value()) + ")");
        }
    }

    private static void did(String what) {
        System.out.println("      -> " + what);
    }
}
