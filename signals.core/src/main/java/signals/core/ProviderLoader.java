package signals.core;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Predicate;

/**
 * The one place that reads {@link ServiceLoader}: finds a service's providers, puts them in a
 * documented order and creates them, turning every failure into an {@link IllegalStateException}
 * that names the provider class and its module.
 *
 * <p>Order: by module name (providers on the class path, in the unnamed module, first), then by
 * class name. {@link ServiceLoader} leaves the order within a layer unspecified, and receivers
 * are called in connection order, so the order must not depend on the module graph's hashing.
 *
 * <h2>Providers of another copy of this library</h2>
 * A class loader that sees two copies of {@code signals.core} (a web application with its own
 * copy in {@code WEB-INF/lib}, under a server whose class path has another, with an adapter such
 * as {@code signals-test}) lists the other copy's providers in the {@code META-INF/services} files
 * it reads. Those implement the other copy's {@link ReceiverProvider} or {@code SignalAdapter},
 * so {@link ServiceLoader} rejects them as "not a subtype". They are not broken: they belong to the
 * other copy, which runs them itself. Such a provider is skipped, with one warning naming both
 * class loaders; every other provider error still fails loudly.
 */
final class ProviderLoader {

    // How ServiceLoader words the rejection of a class that does not implement the service
    // (JDK 9 and later): "<service>: <provider> not a subtype". Nothing else names the class.
    private static final String NOT_A_SUBTYPE = " not a subtype";

    // The other copies' providers already warned about, weakly: the warning is said once per
    // class, not once per discovery round, and never pins the other copy's class loader.
    private static final Map<Class<?>, Boolean> WARNED = Collections.synchronizedMap(new WeakHashMap<>());

    private ProviderLoader() {
    }

    /**
     * A provider that was created, with its class.
     *
     * @param <S> the service type
     * @param instance the provider
     * @param type its class
     */
    record Found<S>(S instance, Class<?> type) {

        /**
         * Names the provider with its module, for messages.
         *
         * @return for example {@code com.example.Receivers (module com.example)}
         */
        String describe() {
            return describe(type);
        }

        /**
         * Names a class with its module, for messages.
         *
         * @param type the class
         * @return for example {@code com.example.Receivers (module com.example)}
         */
        static String describe(Class<?> type) {
            Module module = type.getModule();
            return type.getName() + (module.isNamed() ? " (module " + module.getName() + ")" : " (class path)");
        }
    }

    /**
     * Finds and creates the providers of a service.
     *
     * @param service the service interface, for messages
     * @param loader the configured service loader
     * @param listing the class loader whose {@code META-INF/services} files {@code loader} reads,
     *     to recognise a provider of another copy of this library; null for a module layer
     * @param skip classes that were already run elsewhere
     * @param <S> the service type
     * @return the new providers, in the documented order, each class once
     * @throws IllegalStateException naming the provider when one cannot be found or created
     */
    static <S> List<Found<S>> load(Class<S> service, ServiceLoader<S> loader, ClassLoader listing,
                                   Predicate<Class<?>> skip) {
        List<ServiceLoader.Provider<S>> providers = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        Iterator<ServiceLoader.Provider<S>> found = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<S> provider;
            try {
                if (!found.hasNext()) {
                    break;
                }
                provider = found.next();
            } catch (ServiceConfigurationError e) {
                Class<?> foreign = ofAnotherCopy(service, e, listing);
                if (foreign == null) {
                    // The error's own message names the class and the file or module that listed it.
                    throw new IllegalStateException("could not find a " + service.getSimpleName() + ": "
                            + e.getMessage(), e);
                }
                warnOnce(service, foreign);
                continue;
            }
            if (seen.add(provider.type()) && !skip.test(provider.type())) {
                providers.add(provider);
            }
        }
        providers.sort(Comparator.<ServiceLoader.Provider<S>, String>comparing(p -> moduleName(p.type()))
                .thenComparing(p -> p.type().getName()));
        List<Found<S>> created = new ArrayList<>(providers.size());
        for (ServiceLoader.Provider<S> provider : providers) {
            created.add(new Found<>(create(service, provider), provider.type()));
        }
        return created;
    }

    /**
     * The provider class that {@code error} rejected, if it implements a type of the same name as
     * {@code service} from another class loader: a provider of another copy of this library.
     * Null for every other error, which must fail.
     *
     * <p>The rejected class is looked for where {@link ServiceLoader} looked: through the class
     * loader whose services files listed it, and in the boot layer, whose modules provide by
     * service name to whoever they read. When the loader finds a proper provider of that name,
     * the rejected one can only be a copy of it in a module.
     */
    private static Class<?> ofAnotherCopy(Class<?> service, ServiceConfigurationError error, ClassLoader listing) {
        String message = error.getMessage();
        String prefix = service.getName() + ": ";
        if (message == null || !message.startsWith(prefix) || !message.endsWith(NOT_A_SUBTYPE)) {
            return null;
        }
        String name = message.substring(prefix.length(), message.length() - NOT_A_SUBTYPE.length());
        for (Class<?> candidate : candidates(name, listing)) {
            Class<?> copy = supertypeNamed(candidate, service.getName());
            if (copy != null && copy != service) {
                return candidate;
            }
        }
        return null;
    }

    private static List<Class<?>> candidates(String name, ClassLoader listing) {
        List<Class<?>> candidates = new ArrayList<>();
        if (listing != null) {
            try {
                candidates.add(Class.forName(name, false, listing));
            } catch (ClassNotFoundException | LinkageError e) {
                // Not there: ServiceLoader found it in a module, or not at all.
            }
        }
        String packageName = name.substring(0, Math.max(0, name.lastIndexOf('.')));
        for (Module module : ModuleLayer.boot().modules()) {
            if (module.getPackages().contains(packageName)) {
                Class<?> found = Class.forName(module, name);
                if (found != null) {
                    candidates.add(found);
                }
            }
        }
        return candidates;
    }

    /** The class or interface of that name among the type's supertypes (itself included), or null. */
    private static Class<?> supertypeNamed(Class<?> type, String name) {
        if (type == null) {
            return null;
        }
        if (type.getName().equals(name)) {
            return type;
        }
        for (Class<?> implemented : type.getInterfaces()) {
            Class<?> found = supertypeNamed(implemented, name);
            if (found != null) {
                return found;
            }
        }
        return supertypeNamed(type.getSuperclass(), name);
    }

    private static void warnOnce(Class<?> service, Class<?> provider) {
        if (WARNED.putIfAbsent(provider, Boolean.TRUE) != null) {
            return;
        }
        Class<?> theirs = supertypeNamed(provider, service.getName());
        Log.CORE.log(Level.WARNING, () -> "Skipped " + service.getSimpleName() + " " + Found.describe(provider)
                + ": it implements the " + service.getName() + " of another copy of signals.core, loaded by "
                + describe(theirs.getClassLoader()) + ", not this copy's, loaded by " + describe(service.getClassLoader())
                + ". Two copies are visible (for example one on the server's class path and one in a web"
                + " application's WEB-INF/lib), and each runs its own providers: this one is left to the other copy.");
    }

    /** Names a class loader for a message: its name, if it has one, and its identity. */
    static String describe(ClassLoader loader) {
        if (loader == null) {
            return "the bootstrap class loader";
        }
        String text = String.valueOf(loader);
        return loader.getName() == null || text.contains(loader.getName()) ? text : "'" + loader.getName() + "' " + text;
    }

    private static <S> S create(Class<S> service, ServiceLoader.Provider<S> provider) {
        try {
            return provider.get();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("could not create " + service.getSimpleName() + " "
                    + Found.describe(provider.type()) + ": " + cause, cause);
        }
    }

    private static String moduleName(Class<?> type) {
        String name = type.getModule().getName();
        return name == null ? "" : name;
    }
}
