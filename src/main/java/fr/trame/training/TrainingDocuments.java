package fr.trame.training;

import fr.trame.reporting.ReportRenderer;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import java.util.Locale;
import java.util.Map;

/**
 * The training's printed documents, all made the same way: a Thymeleaf template (formatting values with the pages'
 * {@code @fmt}) into HTML, then PDF by the report's renderer; and served the same way.
 */
@Component
class TrainingDocuments {

    private final TemplateEngine templates;
    private final ReportRenderer renderer;
    private final ApplicationContext application;

    TrainingDocuments(TemplateEngine templates, ReportRenderer renderer, ApplicationContext application) {
        this.templates = templates;
        this.renderer = renderer;
        this.application = application;
    }

    /** The template's HTML with these variables, as the PDF prints it. */
    String html(String template, Map<String, Object> variables) {
        Context context = new Context(Locale.FRANCE);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        variables.forEach(context::setVariable);
        return templates.process(template, context);
    }

    /** The template printed as PDF. */
    byte[] pdf(String template, Map<String, Object> variables) {
        return renderer.pdf(html(template, variables));
    }

    /** A PDF as the training's pages serve it: shown in the browser, with a file name to save it under. */
    static ResponseEntity<byte[]> response(byte[] pdf, String fileName) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"")
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }
}
