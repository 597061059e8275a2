package fr.trame.cli;

import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.ImportResult;
import fr.trame.demo.DemoData;
import fr.trame.demo.DemoService;
import fr.trame.people.MembershipImporter;
import fr.trame.people.PeopleImporter;
import fr.trame.reception.ReceptionImporter;
import fr.trame.reporting.AnnualReportService;
import fr.trame.reporting.IndicatorService;
import fr.trame.reporting.ReportRenderer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    private final tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

    public CommandRunner(CentreService centres, PeopleImporter peopleImporter, MembershipImporter membershipImporter,
                         ActivityImporter activityImporter, AttendanceImporter attendanceImporter,
                         ReceptionImporter receptionImporter, DemoService demo, Benchmarks benchmarks,
                         IndicatorService indicators, AnnualReportService annualReports, ReportRenderer renderer,
                         fr.trame.catalogue.CatalogueService catalogue) {
        this.catalogue = catalogue;
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
                    try {
                        Files.write(file, bytes);
                    } catch (IOException e) {
                        throw new UsageException("Écriture impossible de " + file + " : " + e.getMessage());
                    }
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
            default -> throw new UsageException("Commande inconnue : « " + command.get(0)
                    + " ». Commandes : centre create, import, report, catalogue, demo, bench.");
        }
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

    private static Map<String, String> options(List<String> args, List<String> positional) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
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
