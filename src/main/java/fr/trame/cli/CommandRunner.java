package fr.trame.cli;

import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreScope;
import fr.trame.centre.CentreScopeResolver;
import fr.trame.centre.CentreService;
import fr.trame.centre.AuditLog;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.ImportResult;
import fr.trame.database.DatabaseBackup;
import fr.trame.demo.DemoData;
import fr.trame.demo.DemoService;
import fr.trame.people.MembershipImporter;
import fr.trame.people.PeopleImporter;
import fr.trame.privacy.ErasureService;
import fr.trame.privacy.ExportService;
import fr.trame.privacy.RetentionService;
import fr.trame.reception.ReceptionImporter;
import fr.trame.reporting.AnnualReportService;
import fr.trame.reporting.IndicatorService;
import fr.trame.reporting.ReportRenderer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The commands of interchange.md. Returns the exit code: 0 done, 2 bad input (nothing written). */
@Component
public class CommandRunner {

    private final CentreService centres;
    private final PeopleImporter peopleImporter;
    private final MembershipImporter membershipImporter;
    private final ActivityImporter activityImporter;
    private final AttendanceImporter attendanceImporter;
    private final ReceptionImporter receptionImporter;
    private final DemoService demo;
    private final Benchmarks benchmarks;
    private final IndicatorService indicators;
    private final AnnualReportService annualReports;
    private final ReportRenderer renderer;
    private final fr.trame.catalogue.CatalogueService catalogue;
    private final UserService users;
    private final AuditLog audit;
    private final CentreScopeResolver scopes;
    private final ExportService exports;
    private final ErasureService erasure;
    private final RetentionService retention;
    private final DatabaseBackup database;
    private final tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

    public CommandRunner(CentreService centres, PeopleImporter peopleImporter, MembershipImporter membershipImporter,
                         ActivityImporter activityImporter, AttendanceImporter attendanceImporter,
                         ReceptionImporter receptionImporter, DemoService demo, Benchmarks benchmarks,
                         IndicatorService indicators, AnnualReportService annualReports, ReportRenderer renderer,
                         fr.trame.catalogue.CatalogueService catalogue, UserService users, AuditLog audit,
                         CentreScopeResolver scopes, ExportService exports, ErasureService erasure,
                         RetentionService retention, DatabaseBackup database) {
        this.catalogue = catalogue;
        this.users = users;
        this.audit = audit;
        this.scopes = scopes;
        this.exports = exports;
        this.erasure = erasure;
        this.retention = retention;
        this.database = database;
        this.indicators = indicators;
        this.annualReports = annualReports;
        this.renderer = renderer;
        this.receptionImporter = receptionImporter;
        this.centres = centres;
        this.peopleImporter = peopleImporter;
        this.membershipImporter = membershipImporter;
        this.activityImporter = activityImporter;
        this.attendanceImporter = attendanceImporter;
        this.demo = demo;
        this.benchmarks = benchmarks;
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
        } catch (ResponseStatusException e) {
            // a service's refusal (unknown person, role not allowed), in the same words as on the web
            err.println(e.getReason());
            return 2;
        }
    }

    private int dispatch(List<String> command) {
        PrintStream out = System.out;
        List<String> positional = new ArrayList<>();
        Map<String, String> options = options(command.subList(1, command.size()), positional);
        switch (command.get(0)) {
            case "centre" -> {
                expect(positional, 2, "centre create CODE --name \"NOM\"");
                if (!positional.get(0).equals("create")) {
                    throw new UsageException("Sous-commande inconnue : centre " + positional.get(0) + " (attendu : centre create).");
                }
                Centre c = centres.create(positional.get(1), required(options, "name"));
                out.println("Centre « " + c.name() + " » créé (code " + c.code() + ").");
                return 0;
            }
            case "user" -> {
                String usage = "user create IDENTIFIANT --centre CODE --role admin|direction|accueil|animateur|federation [--name \"NOM\"]";
                expect(positional, 2, usage);
                if (!positional.get(0).equals("create")) {
                    throw new UsageException("Usage : " + usage);
                }
                Centre centre = centre(options);
                String roleCode = required(options, "role");
                Role role = Role.parse(roleCode).orElseThrow(() -> new UsageException("--role : « " + roleCode
                        + " » n'est pas un rôle (admin, direction, accueil, animateur, federation)."));
                UserService.Created created = users.createInCentre(positional.get(1), options.get("name"), centre.id(), role);
                audit.record(centre.id(), 0, "création d'utilisateur", "utilisateur", created.id(),
                        positional.get(1) + " : " + role.label() + " (ligne de commande)");
                out.println("Compte « " + positional.get(1) + " » créé : " + role.label() + " du centre " + centre.code()
                        + ". Mot de passe, à changer à la première connexion :");
                out.println(created.password());
                return 0;
            }
            case "import" -> {
                expect(positional, 2, "import people|memberships|activities|attendance|reception FICHIER --centre CODE");
                Centre centre = centre(options);
                Path file = Path.of(positional.get(1));
                ImportResult result;
                try (InputStream in = Files.newInputStream(file)) {
                    result = switch (positional.get(0)) {
                        case "people" -> peopleImporter.importCsv(centre.id(), in);
                        case "memberships" -> membershipImporter.importCsv(centre.id(), in);
                        case "activities" -> activityImporter.importCsv(centre.id(), in);
                        case "attendance" -> attendanceImporter.importCsv(centre.id(), in);
                        case "reception" -> receptionImporter.importCsv(centre.id(), in);
                        default -> throw new UsageException("Type d'import inconnu : « " + positional.get(0)
                                + " » (attendu : people, memberships, activities, attendance, reception).");
                    };
                } catch (NoSuchFileException e) {
                    throw new UsageException("Fichier introuvable : " + file);
                } catch (IOException e) {
                    throw new UsageException("Lecture impossible de " + file + " : " + e.getMessage());
                }
                out.println(result.summary());
                return 0;
            }
            case "demo" -> {
                String size = options.getOrDefault("size", "s").toLowerCase();
                DemoData.Size s = switch (size) {
                    case "s" -> DemoData.Size.S;
                    case "m" -> DemoData.Size.M;
                    case "l" -> throw new UsageException("La taille « l » (fédération) n'est pas encore disponible.");
                    default -> throw new UsageException("--size : attendu s, m ou l.");
                };
                Centre c = demo.generate(s);
                out.println("Centre de démonstration « " + c.code() + " » rempli (taille " + size + ").");
                return 0;
            }
            case "bench" -> {
                java.util.Set<String> parts = positional.isEmpty() ? java.util.Set.of("import", "search", "attendance", "reception", "indicators", "catalogue")
                        : java.util.Set.copyOf(positional);
                benchmarks.run(out, parts);
                return 0;
            }
            case "report" -> {
                if (positional.size() == 1 && positional.get(0).equals("indicators")) {
                    Centre centre = centre(options);
                    java.time.LocalDate from = isoDate(required(options, "from"), "--from");
                    java.time.LocalDate to = isoDate(required(options, "to"), "--to");
                    if (to.isBefore(from)) {
                        throw new UsageException("--to (" + to + ") précède --from (" + from + ").");
                    }
                    out.println(json.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(indicators.compute(centre.id(), centre.code(), from, to)));
                    return 0;
                }
                if (positional.size() == 1 && positional.get(0).equals("annual")) {
                    Centre centre = centre(options);
                    String yearText = required(options, "year");
                    if (!yearText.matches("\\d{4}")) {
                        throw new UsageException("--year : année sur quatre chiffres attendue, reçu « " + yearText + " ».");
                    }
                    String format = required(options, "format");
                    Path file = Path.of(required(options, "out"));
                    AnnualReportService.Report report = annualReports.build(centre, Integer.parseInt(yearText));
                    byte[] bytes = switch (format) {
                        case "html" -> renderer.html(report, false).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        case "pdf" -> renderer.pdf(report);
                        case "xlsx" -> renderer.xlsx(report);
                        default -> throw new UsageException("--format : html, pdf ou xlsx.");
                    };
                    write(file, bytes);
                    out.println("Rapport d'activité " + yearText + " écrit dans " + file + " (" + bytes.length + " octets).");
                    return 0;
                }
                throw new UsageException("Usage : report indicators --centre CODE --from AAAA-MM-JJ --to AAAA-MM-JJ\n"
                        + "        report annual --centre CODE --year AAAA --format html|pdf|xlsx --out FICHIER");
            }
            case "catalogue" -> {
                if (positional.size() == 2 && positional.get(0).equals("import")) {
                    Path file = Path.of(positional.get(1));
                    try {
                        out.println(catalogue.importText(fr.trame.catalogue.CatalogueFormat.decode(Files.readAllBytes(file))).summary());
                    } catch (NoSuchFileException e) {
                        throw new UsageException("Fichier introuvable : " + file);
                    } catch (IOException e) {
                        throw new UsageException("Lecture impossible de " + file + " : " + e.getMessage());
                    } catch (fr.trame.catalogue.CatalogueFormat.FormatException e) {
                        throw new UsageException("Fichier refusé, rien n'a été importé : " + e.getMessage());
                    }
                    return 0;
                }
                if (positional.size() == 1 && positional.get(0).equals("export")) {
                    String format = required(options, "format");
                    Path file = Path.of(required(options, "out"));
                    String text = switch (format) {
                        case "text" -> catalogue.exportText();
                        case "csv" -> catalogue.exportCsv();
                        case "json" -> json.writerWithDefaultPrettyPrinter().writeValueAsString(catalogue.published());
                        default -> throw new UsageException("--format : text, csv ou json.");
                    };
                    try {
                        Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UsageException("Écriture impossible de " + file + " : " + e.getMessage());
                    }
                    out.println("Catalogue exporté dans " + file + ".");
                    return 0;
                }
                throw new UsageException("Usage : catalogue import FICHIER\n        catalogue export --format text|csv|json --out FICHIER");
            }
            case "backup" -> {
                expect(positional, 0, "backup --out FICHIER");
                Path file = Path.of(required(options, "out"));
                DatabaseBackup.Manifest dump;
                try {
                    dump = database.backup(file);
                } catch (IOException e) {
                    throw new UsageException("Écriture impossible de " + file + " : " + e.getMessage());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                out.println("Sauvegarde écrite dans " + file + " : " + summary(dump) + ".");
                return 0;
            }
            case "restore" -> {
                expect(positional, 1, "restore FICHIER");
                Path file = Path.of(positional.get(0));
                DatabaseBackup.Manifest dump;
                try {
                    dump = database.restore(file);
                } catch (IOException e) {
                    throw new UsageException("Lecture impossible de " + file + " : " + e.getMessage());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                out.println("Sauvegarde du " + dump.createdAt() + " restaurée : " + summary(dump) + ".");
                return 0;
            }
            case "rgpd" -> {
                return rgpd(positional, options, out);
            }
            default -> throw new UsageException("Commande inconnue : « " + command.get(0)
                    + " ». Commandes : centre create, user create, import, report, catalogue, rgpd, demo, bench, backup, restore.");
        }
    }

    /** A person's RGPD rights; the same services, rules and audit log as the web pages. */
    private int rgpd(List<String> positional, Map<String, String> options, PrintStream out) {
        String usage = """
                Usage : rgpd export --centre CODE --person ID --format json|pdf --out FICHIER [--user IDENTIFIANT]
                        rgpd erase --centre CODE --person ID [--user IDENTIFIANT]
                        rgpd retention --centre CODE [--confirm] [--user IDENTIFIANT]""";
        if (positional.size() != 1) {
            throw new UsageException(usage);
        }
        switch (positional.get(0)) {
            case "export" -> {
                CentreScope scope = scope(options);
                long person = personId(options);
                ExportService.Format format = switch (required(options, "format")) {
                    case "json" -> ExportService.Format.JSON;
                    case "pdf" -> ExportService.Format.PDF;
                    default -> throw new UsageException("--format : json ou pdf.");
                };
                Path file = Path.of(required(options, "out"));
                byte[] bytes = exports.export(scope, person, format);
                write(file, bytes);
                out.println("Données de la personne " + person + " écrites dans " + file + " (" + bytes.length + " octets).");
            }
            case "erase" -> {
                CentreScope scope = scope(options);
                long person = personId(options);
                out.println(erasure.erase(scope, person, "à la demande de la personne")
                        ? "Personne " + person + " anonymisée." : "Personne " + person + " déjà anonymisée : rien à faire.");
            }
            case "retention" -> {
                CentreScope scope = scope(options);
                java.time.LocalDate today = scope.today();
                String since = today.minus(RetentionService.RETENTION).format(fr.trame.form.Parse.FRENCH_DATE);
                if (options.containsKey("confirm")) {
                    // the erased names are not printed: a terminal's output often ends up in a log
                    List<RetentionService.Inactive> done = retention.anonymise(scope, today, null);
                    out.println(done.size() + " personne(s) sans activité depuis le " + since + " anonymisée(s)"
                            + (done.isEmpty() ? "." : " : n° " + String.join(", ", done.stream()
                            .map(p -> String.valueOf(p.personId())).toList()) + "."));
                    return 0;
                }
                List<RetentionService.Inactive> inactive = retention.inactive(scope, today);
                out.println(inactive.size() + " personne(s) sans activité depuis le " + since + " :");
                for (RetentionService.Inactive p : inactive) {
                    out.println("  " + p.personId() + "\t" + p.lastName() + " " + p.firstName()
                            + "\tdernière activité le " + p.lastActivity().format(fr.trame.form.Parse.FRENCH_DATE));
                }
                if (!inactive.isEmpty()) {
                    out.println("Relancez avec --confirm pour les anonymiser (en une seule fois).");
                }
            }
            default -> throw new UsageException(usage);
        }
        return 0;
    }

    /** The centre, acted for by --user with their role there, or by the command line itself (no user). */
    private CentreScope scope(Map<String, String> options) {
        Centre centre = centre(options);
        String user = options.get("user");
        if (user == null) {
            return CentreScope.commandLine(centre);
        }
        try {
            return scopes.resolve(centre.code(), user);
        } catch (ResponseStatusException e) {
            throw new UsageException("Utilisateur inconnu ou sans rôle dans le centre « " + centre.code() + " » : " + user + ".");
        }
    }

    private static long personId(Map<String, String> options) {
        String id = required(options, "person");
        if (!id.matches("\\d{1,18}")) {
            throw new UsageException("--person : numéro de la personne attendu (celui de l'adresse de sa fiche), reçu « " + id + " ».");
        }
        return Long.parseLong(id);
    }

    /** Personal data: readable by the file's owner only. */
    private static void write(Path file, byte[] bytes) {
        try {
            fr.trame.database.OwnerOnlyFiles.write(file, bytes);
        } catch (IOException e) {
            throw new UsageException("Écriture impossible de " + file + " : " + e.getMessage());
        }
    }

    private static String summary(DatabaseBackup.Manifest dump) {
        return dump.tables().size() + " tables, " + dump.rows() + " lignes (schéma version " + dump.schemaVersion() + ")";
    }

    private Centre centre(Map<String, String> options) {
        String code = required(options, "centre");
        return centres.findByCode(code)
                .orElseThrow(() -> new UsageException("Centre inconnu : « " + code + " » (créez-le avec : centre create " + code + " --name …)."));
    }

    private static java.time.LocalDate isoDate(String value, String option) {
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException(option + " : date AAAA-MM-JJ attendue, reçu « " + value + " ».");
        }
    }

    /** Options that stand alone, without a value. */
    private static final java.util.Set<String> FLAGS = java.util.Set.of("--confirm");

    private static Map<String, String> options(List<String> args, List<String> positional) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (FLAGS.contains(a)) {
                options.put(a.substring(2), "true");
            } else if (a.startsWith("--")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("L'option " + a + " attend une valeur.");
                }
                options.put(a.substring(2), args.get(++i));
            } else {
                positional.add(a);
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException("Option --" + name + " obligatoire.");
        }
        return v;
    }

    private static void expect(List<String> positional, int n, String usage) {
        if (positional.size() != n) {
            throw new UsageException("Usage : " + usage);
        }
    }
}
