package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.federation.Federation;
import fr.trame.reporting.AnnualReportService;
import fr.trame.reporting.IndicatorService;
import fr.trame.reporting.ReportRenderer;
import fr.trame.senacs.FederationReport;
import fr.trame.senacs.FederationReportDocuments;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** {@code report indicators} (the JSON of the engine) and {@code report annual} (the annual report as a file). */
@Component
@Order(4)
class ReportCommand implements Command {

    private final CentreOption centres;
    private final IndicatorService indicators;
    private final AnnualReportService annualReports;
    private final ReportRenderer renderer;
    private final FederationOption federations;
    private final FederationReport federationReports;
    private final FederationReportDocuments federationDocuments;
    private final JsonMapper json = JsonMapper.builder().build();

    ReportCommand(CentreOption centres, IndicatorService indicators, AnnualReportService annualReports, ReportRenderer renderer,
                  FederationOption federations, FederationReport federationReports,
                  FederationReportDocuments federationDocuments) {
        this.centres = centres;
        this.federations = federations;
        this.federationReports = federationReports;
        this.federationDocuments = federationDocuments;
        this.indicators = indicators;
        this.annualReports = annualReports;
        this.renderer = renderer;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        if (args.positional().size() == 1 && args.positional(0).equals("indicators")) {
            return indicators(args, out);
        }
        if (args.positional().size() == 1 && args.positional(0).equals("annual")) {
            return annual(args, out);
        }
        if (args.positional().size() == 1 && args.positional(0).equals("federation")) {
            return federation(args, out);
        }
        throw new UsageException("Usage : report indicators --centre CODE --from AAAA-MM-JJ --to AAAA-MM-JJ\n"
                + "        report annual --centre CODE --year AAAA --format html|pdf|xlsx --out FICHIER\n"
                + "        report federation --federation CODE --year AAAA --format html|pdf|xlsx|json --out FICHIER");
    }

    private int indicators(Arguments args, PrintStream out) {
        Centre centre = centres.centre(args);
        LocalDate from = isoDate(args.required("from"), "--from");
        LocalDate to = isoDate(args.required("to"), "--to");
        if (to.isBefore(from)) {
            throw new UsageException("--to (" + to + ") précède --from (" + from + ").");
        }
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(indicators.compute(centre.id(), centre.code(), from, to)));
        return 0;
    }

    private int annual(Arguments args, PrintStream out) {
        Centre centre = centres.centre(args);
        String yearText = args.required("year");
        if (!yearText.matches("\\d{4}")) {
            throw new UsageException("--year : année sur quatre chiffres attendue, reçu « " + yearText + " ».");
        }
        String format = args.required("format");
        Path file = Path.of(args.required("out"));
        AnnualReportService.Report report = annualReports.build(centre, Integer.parseInt(yearText), true);
        byte[] bytes = switch (format) {
            case "html" -> renderer.html(report, false).getBytes(StandardCharsets.UTF_8);
            case "pdf" -> renderer.pdf(report);
            case "xlsx" -> renderer.xlsx(report);
            default -> throw new UsageException("--format : html, pdf ou xlsx.");
        };
        OutputFiles.writeOwnerOnly(file, bytes);
        out.println("Rapport d'activité " + yearText + " écrit dans " + file + " (" + bytes.length + " octets).");
        return 0;
    }

    private int federation(Arguments args, PrintStream out) {
        Federation federation = federations.federation(args);
        String yearText = args.required("year");
        if (!yearText.matches("\\d{4}")) {
            throw new UsageException("--year : année sur quatre chiffres attendue, reçu « " + yearText + " ».");
        }
        String format = args.required("format");
        Path file = Path.of(args.required("out"));
        byte[] bytes = federationDocuments.render(federationReports.build(federation, Integer.parseInt(yearText)), format);
        if (bytes == null) {
            throw new UsageException("--format : html, pdf, xlsx ou json.");
        }
        OutputFiles.writeOwnerOnly(file, bytes);
        out.println("Rapport annuel " + yearText + " de " + federation.code() + " écrit dans " + file + " (" + bytes.length
                + " octets).");
        return 0;
    }

    private static LocalDate isoDate(String value, String option) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " : date AAAA-MM-JJ attendue, reçu « " + value + " ».");
        }
    }
}
