package fr.trame.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void globalOptionsBecomePropertiesAndTheRestIsTheCommand() {
        CommandLine line = CommandLine.parse(new String[] {"--data-dir", "/tmp/d", "--port", "9000", "--no-demo",
                "import", "people", "f.csv", "--centre", "abc"}, Map.of());
        assertThat(line.springProperties()).containsEntry("trame.data-dir", "/tmp/d").containsEntry("server.port", "9000")
                .containsEntry("trame.demo", "false");
        assertThat(line.command()).containsExactly("import", "people", "f.csv", "--centre", "abc");
    }

    @Test
    void environmentVariablesAreReadAndOptionsWin() {
        CommandLine line = CommandLine.parse(new String[] {"--db-url", "jdbc:postgresql://h/db"},
                Map.of("TRAME_DB_URL", "jdbc:postgresql://env/db", "TRAME_DB_USER", "u", "TRAME_PORT", "8181", "TRAME_DEMO", "false"));
        assertThat(line.springProperties()).containsEntry("trame.db.url", "jdbc:postgresql://h/db")
                .containsEntry("trame.db.user", "u").containsEntry("server.port", "8181").containsEntry("trame.demo", "false");
        assertThat(line.hasCommand()).isFalse();
    }

    @Test
    void badOptionsAreExplainedInFrench() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--porte", "1"}, Map.of()))
                .hasMessageContaining("Option inconnue : --porte");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--port", "abc"}, Map.of()))
                .hasMessageContaining("n'est pas un numéro de port");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--data-dir"}, Map.of()))
                .hasMessageContaining("attend une valeur");
        assertThat(CommandLine.parse(new String[] {}, Map.of()).command()).isEqualTo(List.of());
    }
}
