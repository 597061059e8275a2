package fr.trame.web;

import fr.trame.form.FieldErrors;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

import java.util.Set;

/**
 * Marks every field in error for assistive technologies, on every page at once: an {@code input}, {@code select} or
 * {@code textarea} whose {@code name} has a message in the page's {@code errors} ({@link FieldErrors}) gets
 * {@code aria-invalid="true"}, {@code aria-describedby} naming the message that {@code web/fragments :: fieldError} writes
 * ({@code <name>-erreur}), and the {@code invalid} class. Runs after the standard dialect, so after th:field and th:name.
 */
@Component
class FieldErrorDialect extends AbstractProcessorDialect {

    public FieldErrorDialect() {
        super("Champs en erreur", "trame", 2000);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new Marker(dialectPrefix, "input"), new Marker(dialectPrefix, "select"),
                new Marker(dialectPrefix, "textarea"));
    }

    private static final class Marker extends AbstractElementTagProcessor {

        Marker(String prefix, String element) {
            super(TemplateMode.HTML, prefix, element, false, null, false, 10_000);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, IElementTagStructureHandler handler) {
            if (!(context.getVariable("errors") instanceof FieldErrors errors) || !errors.any()) {
                return;
            }
            String name = tag.getAttributeValue("name");
            if (name == null || !errors.has(name) || "hidden".equals(tag.getAttributeValue("type"))) {
                return;
            }
            String message = name + "-erreur";
            String described = tag.getAttributeValue("aria-describedby");
            handler.setAttribute("aria-invalid", "true");
            handler.setAttribute("aria-describedby", described == null || described.isBlank() ? message : described + " " + message);
            String classes = tag.getAttributeValue("class");
            if (classes == null || !(" " + classes + " ").contains(" invalid ")) {
                handler.setAttribute("class", classes == null || classes.isBlank() ? "invalid" : classes + " invalid");
            }
        }
    }
}
