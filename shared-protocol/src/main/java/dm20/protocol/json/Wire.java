package dm20.protocol.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Annotations that adjust how {@link WireJson} writes a record; everything else follows the components. */
public final class Wire {

    private Wire() {
    }

    /**
     * The JSON name of a record component when it cannot be its Java name (a keyword such as {@code int}
     * or {@code private}). Part of the persisted format: never change it.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
    public @interface Name {
        /** The JSON field name. */
        String value();
    }

    /**
     * A public no-argument method whose value is written after the components, for readers that should
     * not recompute it (the page reads a sheet's {@code level}). Derived fields are written in the order of
     * their names and ignored when reading.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Derived {
        /** The JSON field name; the method name when empty. */
        String value() default "";
    }
}
