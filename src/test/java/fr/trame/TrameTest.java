package fr.trame;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An integration test on a throw-away embedded PostgreSQL, shared by every test class that uses this annotation. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"trame.embedded.ephemeral=true", "trame.demo=false",
        "trame.data-dir=target/test-data"})
@AutoConfigureMockMvc
public @interface TrameTest {
}
