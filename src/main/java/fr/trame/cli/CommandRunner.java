package fr.trame.cli;

import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.form.Forbidden;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a command of interchange.md: finds it by its first word among the {@link Command}s and turns a refusal into
 * its French message. Returns the exit code: 0 done, 2 bad input (nothing written).
 */
@Component
public class CommandRunner {

    /** The commands by name, in the order the list of commands names them. */
    private final Map<String, Command> commands = new LinkedHashMap<>();

    CommandRunner(List<Command> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    public int run(List<String> command) {
        PrintStream err = System.err;
        try {
            return dispatch(command);
        } catch (UsageException e) {
            err.println(e.getMessage());
            return 2;
        } catch (CsvImportException e) {
            err.println("Fichier refusé, rien n'a été importé : " + e.total() + " erreur(s).");
            for (CsvError error : e.errors()) {
                err.println("  " + error);
            }
            if (e.notShown() > 0) {
                err.println("  … et " + e.notShown() + " autre(s) erreur(s) : les " + e.errors().size()
                        + " premières sont listées ; corrigez-les puis réimportez.");
            }
            return 2;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (Refused | Forbidden e) {
            // a service's refusal (role not allowed, a rule of the domain), in the same words as on the web
            err.println(e.getMessage());
            return 2;
        } catch (NotFound e) {
            err.println(e.getMessage() == null ? "Introuvable." : e.getMessage());
            return 2;
        }
    }

    private int dispatch(List<String> command) {
        Arguments args = Arguments.parse(command.subList(1, command.size()));
        Command found = commands.get(command.get(0));
        if (found == null) {
            throw new UsageException("Commande inconnue : « " + command.get(0) + " ». Commandes : "
                    + String.join(", ", commands.values().stream().map(Command::synopsis).toList()) + ".");
        }
        return found.run(args, System.out);
    }
}
