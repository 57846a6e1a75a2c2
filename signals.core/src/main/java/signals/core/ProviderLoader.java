package signals.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one place that reads {@link ServiceLoader}: finds a service's providers, puts them in a
 * documented order and creates them, turning every failure into an {@link IllegalStateException}
 * that names the provider class and its module.
 *
 * <p>Order: by module name (providers on the class path, in the unnamed module, first), then by
 * class name. {@link ServiceLoader} leaves the order within a layer unspecified, and receivers
 * are called in connection order, so the order must not depend on the module graph's hashing.
 */
final class ProviderLoader {

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
     * @param skip classes that were already run elsewhere
     * @param <S> the service type
     * @return the new providers, in the documented order, each class once
     * @throws IllegalStateException naming the provider when one cannot be found or created
     */
    static <S> List<Found<S>> load(Class<S> service, ServiceLoader<S> loader, Predicate<Class<?>> skip) {
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
                // The error's own message names the class and the file or module that listed it.
                throw new IllegalStateException("could not find a " + service.getSimpleName() + ": "
                        + e.getMessage(), e);
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
