package fr.trame.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a module owns, declared on its {@code package-info.java}: only that module writes them, and other
 * modules read them only through its public services or the {@code <module>_…} views it publishes
 * (docs/architecture.md). {@code ModuleBoundariesTest} checks the schema and the SQL against these declarations.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnsTables {

    /** Table names, or prefixes ending with {@code *} ({@code "catalogue_*"}). */
    String[] value();
}
