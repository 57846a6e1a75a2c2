package signals.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Holds repeated {@link OverrideSetting} annotations; written by the compiler, rarely by hand.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(OverrideExtension.class)
@ResourceLock(providers = OverrideExtension.Locks.class)
public @interface OverrideSettings {

    /**
     * The overrides, in the order they are applied.
     *
     * @return the overrides
     */
    OverrideSetting[] value();
}
