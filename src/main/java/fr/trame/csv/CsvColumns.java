package fr.trame.csv;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The columns of one CSV format: whether each is required, and the longest value it takes, in characters. Each importer
 * declares its columns once, so a file's limits are read in one place; a longer value is refused with its line and
 * column, before anything else reads it.
 */
public final class CsvColumns {

    /** A file's own reference ({@code household_ref}, {@code activity_ref}, …). */
    public static final int REFERENCE = 100;
    /** A person's name, a sector, a quartier, a commune. */
    public static final int NAME = 100;
    /** An activity's name, an organisation, an address. */
    public static final int LABEL = 200;
    /** The longest address RFC 5321 lets through. */
    public static final int EMAIL = 254;
    /** A code, a date, a time, a number, a postcode, a phone number: anything longer is not one. */
    public static final int SHORT = 40;

    private final Map<String, Integer> maxLengths = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();

    public CsvColumns required(String name, int maxLength) {
        required.add(name);
        return optional(name, maxLength);
    }

    public CsvColumns optional(String name, int maxLength) {
        maxLengths.put(name, maxLength);
        return this;
    }

    boolean knows(String name) {
        return maxLengths.containsKey(name);
    }

    Set<String> required() {
        return required;
    }

    int maxLength(String name) {
        return maxLengths.get(name);
    }
}
