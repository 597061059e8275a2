package fr.trame.reporting;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import fr.trame.form.FrenchFormat;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import javax.imageio.ImageIO;
import java.util.Base64;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;

/** Bar charts as SVG (JFreeChart drawn on JFreeSVG): the same picture in the page, the PDF and the print. */
@Component
class Charts {

    private static final Color CURRENT = new Color(0x1f, 0x5f, 0xae);
    private static final Color PREVIOUS = new Color(0xb8, 0xc7, 0xdd);

    /** Drawn charts kept by what they show: drawing one costs more than the rest of a dashboard page. */
    private static final int KEPT = 500;
    private final Map<Drawn, String> drawn = new ConcurrentHashMap<>();

    /** What a chart shows, its bars in order. */
    private record Drawn(String title, List<Map.Entry<String, Number>> current, List<Map.Entry<String, Number>> previous,
                         boolean horizontal) {
        static List<Map.Entry<String, Number>> bars(Map<String, ? extends Number> values) {
            return values == null ? null
                    : values.entrySet().stream()
                    .<Map.Entry<String, Number>>map(e -> new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue())).toList();
        }
    }

    /** Bars of the period, beside the same period a year before when given, as SVG. */
    public String bars(String title, Map<String, ? extends Number> current, Map<String, ? extends Number> previous,
                       boolean horizontal) {
        Drawn key = new Drawn(title, Drawn.bars(current), Drawn.bars(previous), horizontal);
        String known = drawn.get(key);
        if (known != null) {
            return known;
        }
        if (drawn.size() >= KEPT) {
            drawn.clear();
        }
        String svg = draw(title, current, previous, horizontal);
        drawn.put(key, svg);
        return svg;
    }

    private String draw(String title, Map<String, ? extends Number> current, Map<String, ? extends Number> previous,
                        boolean horizontal) {
        JFreeChart chart = chart(title, current, previous, horizontal);
        int width = width();
        int height = height(current, previous, horizontal);
        SVGGraphics2D svg = canvas(width, height);
        chart.draw(svg, new Rectangle(0, 0, width, height));
        return svg.getSVGElement(null, true, null, null, null).replace("<svg ", labelled(title));
    }

    /**
     * An SVG canvas writing its coordinates to a tenth of a pixel: the axis labels are drawn as glyph outlines, and
     * written to seventeen digits they made a dashboard's charts weigh 180 KB.
     */
    private static SVGGraphics2D canvas(int width, int height) {
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        svg.setGeomDoubleConverter(Charts::tenths);
        return svg;
    }

    /** A coordinate to one decimal, the shortest way: 12, 12.5, -0.5. */
    static String tenths(double value) {
        long tenths = Math.round(value * 10);
        long whole = Math.abs(tenths) / 10;
        long decimal = Math.abs(tenths) % 10;
        return (tenths < 0 ? "-" : "") + whole + (decimal == 0 ? "" : "." + decimal);
    }

    /** The opening of the SVG with its accessible name; the title holds names a user typed (a sector's), so escaped. */
    private static String labelled(String title) {
        return "<svg role=\"img\" aria-label=\"" + HtmlUtils.htmlEscape(title) + "\" ";
    }

    /** The same chart as a PNG data URI, for the PDF. */
    public String pngDataUri(String title, Map<String, ? extends Number> current, Map<String, ? extends Number> previous,
                             boolean horizontal) {
        JFreeChart chart = chart(title, current, previous, horizontal);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            // half as many pixels again as the page's size: sharp enough on paper, quick to draw and compress
            int w = width() * 3 / 2;
            int h = height(current, previous, horizontal) * 3 / 2;
            BufferedImage image = chart.createBufferedImage(w, h);
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /**
     * A chart of the centre's report, without its title (the page prints it above, as text) and with the years as the
     * series' names, as SVG for the page.
     */
    String svg(AnnualReportService.ChartData c, String current, String previous) {
        JFreeChart chart = chart(c, current, previous);
        int height = height(c);
        // the page's SVG has the PDF's proportions
        SVGGraphics2D svg = canvas(width(), height);
        chart.draw(svg, new Rectangle(0, 0, width(), height));
        return svg.getSVGElement(null, true, null, null, null).replace("<svg ", labelled(c.title()));
    }

    /** The same chart, to draw on any Graphics2D (the PDF's, as vector paths). */
    JFreeChart chart(AnnualReportService.ChartData c, String current, String previous) {
        JFreeChart chart = chart(null, c.current(), c.previous() == null || c.previous().isEmpty() ? null : c.previous(),
                c.horizontal(), current, previous);
        return chart;
    }

    /**
     * The same chart for the PDF, whose built-in fonts have no narrow no-break space: its axis groups thousands with a
     * no-break space.
     */
    JFreeChart chartForPdf(AnnualReportService.ChartData c, String current, String previous) {
        JFreeChart chart = chart(c, current, previous);
        NumberFormat format = FrenchFormat.integerFormat();
        if (format instanceof DecimalFormat decimal) {
            DecimalFormatSymbols symbols = decimal.getDecimalFormatSymbols();
            symbols.setGroupingSeparator('\u00a0');
            decimal.setDecimalFormatSymbols(symbols);
        }
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setNumberFormatOverride(format);
        return chart;
    }

    /** The chart's height in CSS pixels at {@link #width()}: low enough for a chapter's charts to share a page. */
    int height(AnnualReportService.ChartData c) {
        boolean both = c.previous() != null && !c.previous().isEmpty();
        return c.horizontal() ? Math.max(140, 60 + c.current().size() * (both ? 30 : 20)) : 250;
    }

    static int width() {
        return 520;
    }

    private static int height(Map<String, ? extends Number> current, Map<String, ? extends Number> previous, boolean horizontal) {
        return horizontal ? Math.max(220, 40 + current.size() * (previous != null ? 34 : 24)) : 300;
    }

    private static JFreeChart chart(String title, Map<String, ? extends Number> current, Map<String, ? extends Number> previous,
                                    boolean horizontal) {
        return chart(title, current, previous, horizontal, "Période", "Année précédente");
    }

    private static JFreeChart chart(String title, Map<String, ? extends Number> current, Map<String, ? extends Number> previous,
                                    boolean horizontal, String currentName, String previousName) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        current.forEach((key, value) -> {
            data.addValue(value, currentName, key);
            if (previous != null) {
                Number before = previous.get(key);
                data.addValue(before == null ? 0 : before, previousName, key);
            }
        });
        JFreeChart chart = ChartFactory.createBarChart(title, null, null, data,
                horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, previous != null, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        }
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xd8, 0xdd, 0xe5));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, CURRENT);
        renderer.setSeriesPaint(1, PREVIOUS);
        // the value axis in French: 1 000, never 1,000; whole ticks, since the charts count persons or euros
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        values.setNumberFormatOverride(FrenchFormat.integerFormat());
        CategoryAxis axis = plot.getDomainAxis();
        if (!horizontal && current.size() > 6) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return chart;
    }
}
