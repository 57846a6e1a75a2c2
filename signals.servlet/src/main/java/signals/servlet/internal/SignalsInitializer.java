package signals.servlet.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;
import signals.servlet.SignalsFilter;

/**
 * Registers {@link SignalsFilter} in applications that ask for it with the context parameter
 * {@value SignalsFilter#AUTO_REGISTER} set to {@code true}, and that do not declare it in
 * {@code web.xml} already. The container finds this class through {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class SignalsInitializer implements ServletContainerInitializer {

    private static final String NAME = "signals";

    /** Called by the container, through {@link java.util.ServiceLoader}. */
    public SignalsInitializer() {
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (!Boolean.parseBoolean(context.getInitParameter(SignalsFilter.AUTO_REGISTER)) || declared(context)) {
            return;
        }
        FilterRegistration.Dynamic filter = context.addFilter(NAME, SignalsFilter.class);
        if (filter == null) {
            // The application has a filter of that name already, of another class.
            filter = context.addFilter(SignalsFilter.class.getName(), SignalsFilter.class);
        }
        filter.setAsyncSupported(true);
        // Ahead of the filters of web.xml, so that request_started comes before they run.
        filter.addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
    }

    private static boolean declared(ServletContext context) {
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            if (SignalsFilter.class.getName().equals(registration.getClassName())) {
                return true;
            }
        }
        return false;
    }
}
