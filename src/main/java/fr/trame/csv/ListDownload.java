package fr.trame.csv;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A list a page shows, also offered as a spreadsheet. A controller puts the list in its model under {@link #MODEL};
 * the page links to itself with {@code format=csv} or {@code format=xlsx}, and {@link Interceptor} then answers the
 * file instead of the page: same request, same filters, same permission checks. The rows are asked for only then, so
 * a paged list can hand out all its pages.
 * <p>
 * Cells are typed: numbers stay numbers, dates are dates, anything else is text (in CSV, made safe from formulas by
 * {@link CsvExport}; in XLSX, always a text cell, which a spreadsheet never runs).
 */
public record ListDownload(String fileName, List<String> header, Supplier<List<List<Object>>> rows) {

    /** A list the page has in hand already. */
    public ListDownload(String fileName, List<String> header, List<List<Object>> rows) {
        this(fileName, header, () -> rows);
    }

    public static final String MODEL = "download";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Swaps the page for the file when asked to and the page has a list to give. */
    public static class Interceptor implements HandlerInterceptor {
        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                               ModelAndView page) {
            if (page == null || !(page.getModel().get(MODEL) instanceof ListDownload list)) {
                return;
            }
            String format = request.getParameter("format");
            if (format == null) { // the page: it links to its own file, with the same parameters
                String query = request.getQueryString();
                page.addObject("downloadHref", request.getRequestURI() + "?" + (query == null ? "" : query + "&") + "format=");
                return;
            }
            switch (format) {
                case "csv" -> page.setView(list.view("csv", "text/csv;charset=UTF-8", list.csv()));
                case "xlsx" -> page.setView(list.view("xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", list.xlsx()));
                default -> { } // an unknown format: the page itself
            }
        }
    }

    /** A file name from a title and a period: "Foyers touchés", 2026 → {@code foyers-touches-2026-01-01-2026-12-31}. */
    public static String fileName(String title, LocalDate from, LocalDate to) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (slug.length() > 60 ? slug.substring(0, 60) : slug) + "-" + from + "-" + to;
    }

    public byte[] csv() {
        List<List<Object>> shown = rows.get().stream().map(r -> r.stream()
                .map(v -> v instanceof LocalDate d ? (Object) FRENCH_DATE.format(d) : v).toList()).toList();
        return CsvExport.forExcel(header, shown);
    }

    public byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Trame", "1.0");
            Worksheet sheet = workbook.newWorksheet("Liste");
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
            List<List<Object>> all = rows.get();
            for (int r = 0; r < all.size(); r++) {
                List<Object> cells = all.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v instanceof Number number) {
                        sheet.value(r + 1, c, number);
                    } else if (v instanceof LocalDate date) {
                        sheet.value(r + 1, c, date);
                        sheet.style(r + 1, c).format("dd/mm/yyyy").set();
                    } else {
                        sheet.value(r + 1, c, v == null ? "" : v.toString());
                    }
                }
            }
            sheet.freezePane(0, 1);
            sheet.width(0, 32);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private View view(String extension, String contentType, byte[] body) {
        return new View() {
            @Override
            public String getContentType() {
                return contentType;
            }

            @Override
            public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                response.setContentType(contentType);
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName + "." + extension, StandardCharsets.UTF_8).build().toString());
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        };
    }
}
