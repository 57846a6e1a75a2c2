package signals.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Named arguments of a send, in Django's keyword-argument style ({@code **kwargs}, hence the
 * name, which also keeps it apart from JUnit's {@code Arguments} in a parameterized test): the
 * payload of a signal declared with {@link Signal#withArguments}. Values may be null; names keep
 * their order.
 *
 * <pre>{@code
 * Kwargs args = Kwargs.of("toppings", 123, "size", 456);
 * int toppings = args.get("toppings", Integer.class);
 * }</pre>
 *
 * <p>Typed payload records are the recommended style: the compiler checks them. Keyword arguments
 * exist for code ported line by line from Django, and are checked at every send instead.
 *
 * @since 0.1
 */
public final class Kwargs {

    private static final Kwargs NONE = new Kwargs(new String[0], new Object[0]);

    private final String[] names;
    private final Object[] values;

    private Kwargs(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * Returns arguments with no entries.
     *
     * @return the empty arguments
     */
    public static Kwargs none() {
        return NONE;
    }

    /**
     * Builds arguments from alternating names and values.
     *
     * @param namesAndValues {@code name1, value1, name2, value2, ...}; names are non-null strings
     *     and appear once, values may be null
     * @return the arguments
     * @throws NullPointerException if the array or a name is null
     * @throws IllegalArgumentException if the count is odd, a name is not a string, or repeats
     */
    public static Kwargs of(Object... namesAndValues) {
        Objects.requireNonNull(namesAndValues, "namesAndValues");
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate, but " + namesAndValues.length
                    + " items were given; the last name has no value");
        }
        int count = namesAndValues.length / 2;
        String[] names = new String[count];
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            Object name = namesAndValues[2 * i];
            if (name == null) {
                throw new NullPointerException("argument name at position " + 2 * i);
            }
            if (!(name instanceof String)) {
                throw new IllegalArgumentException("argument name at position " + 2 * i + " is a "
                        + name.getClass().getName() + " (" + name + "), not a String");
            }
            names[i] = (String) name;
            values[i] = namesAndValues[2 * i + 1];
        }
        checkUnique(names);
        return new Kwargs(names, values);
    }

    /**
     * Builds arguments from a map, in the map's iteration order.
     *
     * @param arguments names to values; names not null, values may be null
     * @return the arguments
     * @throws NullPointerException if the map or a name is null
     */
    public static Kwargs of(Map<String, ?> arguments) {
        Objects.requireNonNull(arguments, "arguments");
        String[] names = new String[arguments.size()];
        Object[] values = new Object[arguments.size()];
        int i = 0;
        for (Map.Entry<String, ?> entry : arguments.entrySet()) {
            names[i] = Objects.requireNonNull(entry.getKey(), "argument name");
            values[i++] = entry.getValue();
        }
        return new Kwargs(names, values);
    }

    /**
     * Returns the value of an argument.
     *
     * @param name the argument's name, not null
     * @return its value, which may be null
     * @throws IllegalArgumentException if there is no argument of that name
     */
    public Object get(String name) {
        return values[indexOf(name)];
    }

    /**
     * Returns the value of an argument, checked against a type.
     *
     * @param name the argument's name, not null
     * @param type the expected type, not null
     * @param <V> the expected type
     * @return its value, which may be null
     * @throws IllegalArgumentException if there is no such argument
     * @throws ClassCastException if the value is not of that type, naming the argument
     */
    public <V> V get(String name, Class<V> type) {
        Object value = get(name);
        if (value != null && !type.isInstance(value)) {
            throw new ClassCastException("argument '" + name + "' is a " + value.getClass().getName()
                    + ", not a " + type.getName());
        }
        return type.cast(value);
    }

    /**
     * Tells whether an argument of that name is present.
     *
     * @param name the name
     * @return true if present
     */
    public boolean has(String name) {
        return Arrays.asList(names).contains(name);
    }

    /**
     * Returns the names, in order.
     *
     * @return an immutable list
     */
    public List<String> names() {
        return List.of(names);
    }

    /**
     * Returns the arguments as a map, in order.
     *
     * @return an unmodifiable map that may hold null values
     */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Kwargs && asMap().equals(((Kwargs) other).asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    /** Formats as Django prints its keyword arguments: {@code {'toppings': 123, 'size': 456}}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            text.append(i == 0 ? "'" : ", '").append(names[i]).append("': ");
            text.append(values[i] instanceof String ? "'" + values[i] + "'" : String.valueOf(values[i]));
        }
        return text.append('}').toString();
    }

    void checkAgainst(String signal, List<String> declared) {
        for (String name : names) {
            if (!declared.contains(name)) {
                throw new IllegalArgumentException("signal '" + signal + "' has no argument '" + name
                        + "'; it declares " + declared);
            }
        }
        if (names.length != declared.size()) {
            for (String name : declared) {
                if (!has(name)) {
                    throw new IllegalArgumentException("signal '" + signal + "' is missing argument '" + name
                            + "'; it declares " + declared);
                }
            }
        }
    }

    static List<String> checkNames(String signal, String[] names) {
        Objects.requireNonNull(names, "argumentNames");
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null) {
                throw new NullPointerException("argument name " + i + " of signal '" + signal + "'");
            }
            if (names[i].isBlank()) {
                throw new IllegalArgumentException("argument name " + i + " of signal '" + signal + "' is blank");
            }
        }
        checkUnique(names);
        return List.of(names);
    }

    private int indexOf(String name) {
        Objects.requireNonNull(name, "name");
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no argument '" + name + "'; present: " + names());
    }

    private static void checkUnique(String[] names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("argument '" + name + "' given twice");
            }
        }
    }
}
