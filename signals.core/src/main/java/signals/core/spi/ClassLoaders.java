package signals.core.spi;

import java.util.Objects;

/**
 * What an adapter asks about class loaders and optional modules when its host deploys and
 * undeploys applications: whether a loader belongs to an application, whether a module that it
 * only {@code requires static} is there to be used.
 *
 * @since 0.1
 */
public final class ClassLoaders {

    private ClassLoaders() {
    }

    /**
     * Tells whether a class loader is an ancestor's, or one of its descendants: whether a class
     * loaded by {@code candidate} belongs to the application whose loader is {@code ancestor}.
     *
     * <pre>{@code
     * if (ClassLoaders.isWithin(driver.getClass().getClassLoader(), webApplicationLoader)) {
     *     DriverManager.deregisterDriver(driver);
     * }
     * }</pre>
     *
     * @param candidate the loader to place, null for the bootstrap loader
     * @param ancestor the application's loader, not null
     * @return true if {@code candidate} is {@code ancestor} or has it as a parent, at any depth
     * @throws NullPointerException if the ancestor is null
     */
    public static boolean isWithin(ClassLoader candidate, ClassLoader ancestor) {
        Objects.requireNonNull(ancestor, "ancestor");
        for (ClassLoader l = candidate; l != null; l = l.getParent()) {
            if (l == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether a module that the caller's module only {@code requires static} can be used,
     * without loading any of its classes: on the module path, whether it is in the caller's
     * layer and read by the caller's module; on the class path, whether the caller's loader sees
     * one of its class files.
     *
     * <pre>{@code
     * if (ClassLoaders.canUse(JdbcDriver.class, "signals.jdbc", "signals/jdbc/SignalsDriver.class")) {
     *     deregisterTheDriver(); // the only code that names a class of signals.jdbc
     * }
     * }</pre>
     *
     * @param caller a class of the module that asks, not null
     * @param module the optional module's name, not null
     * @param classFile the resource name of one of its classes, used on the class path, not null
     * @return true if the module's classes can be linked from the caller
     * @throws NullPointerException if an argument is null
     */
    public static boolean canUse(Class<?> caller, String module, String classFile) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(classFile, "classFile");
        Module self = caller.getModule();
        if (self.isNamed()) {
            // requires static: the module is read only when something else made it part of the graph.
            ModuleLayer layer = self.getLayer();
            return layer != null && layer.findModule(module).filter(self::canRead).isPresent();
        }
        ClassLoader loader = caller.getClassLoader();
        return loader != null && loader.getResource(classFile) != null;
    }
}
