package signals.core;

import java.util.List;

/**
 * The service a module implements to connect its receivers, found with
 * {@link java.util.ServiceLoader}: the Java home of Django's {@code @receiver} declarations and
 * of the {@code ready()} method that imports them.
 *
 * <pre>{@code
 * // module-info.java
 * module com.example.kitchen {
 *     requires signals.core;
 *     provides signals.core.ReceiverProvider with com.example.kitchen.KitchenReceivers;
 * }
 *
 * // KitchenReceivers.java
 * public final class KitchenReceivers implements ReceiverProvider {
 *     public List<SignalBinding<?>> receivers() {
 *         return List.of(
 *                 SignalBinding.receiver(Pizzeria.PIZZA_DONE, KitchenReceivers::announce, sender("seven")),
 *                 SignalBinding.receiver(List.of(Pizzeria.PIZZA_DONE, Pizzeria.PIZZA_BURNT), KitchenReceivers::log));
 *     }
 *     static void announce(Signal<?> signal, Object sender, PizzaDone pizza) { ... }
 *     static void log(Signal<?> signal, Object sender, Object payload) { ... }
 * }
 * }</pre>
 *
 * <p>On the class path, list the class in {@code META-INF/services/signals.core.ReceiverProvider}
 * instead (or as well: a jar that works on both paths has both).
 *
 * <h2>Rules for implementers</h2>
 * <ul>
 *   <li>The class is public with a public no-argument constructor (or, on the module path, a
 *       public static {@code provider()} method), as {@link java.util.ServiceLoader} requires.
 *       Nothing needs to be opened: the library never reflects over it.</li>
 *   <li>{@link #receivers()} only declares. It runs once, before the first send of any signal;
 *       sending a signal from it is an error, since not every receiver is connected yet.</li>
 *   <li>If it throws, or returns null, startup fails with a {@link SignalException} naming the
 *       class and its module, and no receiver of any provider is connected.</li>
 * </ul>
 *
 * @since 0.1
 */
public interface ReceiverProvider {

    /**
     * Declares the receivers to connect.
     *
     * @return the bindings, none null; an empty list is fine
     */
    List<SignalBinding<?>> receivers();
}
