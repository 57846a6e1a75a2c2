package signals.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Removes a setting for a test method or a whole test class, and puts it back afterwards; Django
 * does the same with {@code @override_settings} and {@code del settings.X}. It follows the rules
 * of {@link OverrideSetting}, and is applied after the {@code @OverrideSetting}s of the same
 * class or method; {@link TestSignals#SETTING_CHANGED} carries a null value on entering.
 *
 * <pre>{@code
 * @Test
 * @RemoveSetting("shop.proxy")
 * void connectsDirectlyWithoutProxy() { ... }
 * }</pre>
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(RemoveSettings.class)
@ExtendWith(OverrideExtension.class)
@ResourceLock(providers = OverrideExtension.Locks.class)
public @interface RemoveSetting {

    /**
     * The setting's name.
     *
     * @return the name, not blank
     */
    String value();
}
