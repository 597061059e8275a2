package fr.trame.web;

import fr.trame.form.Form;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/** Every {@code @Validated} form object ({@link Form}) is checked by its own rules, the one validator of the forms. */
@ControllerAdvice
class FormValidation {

    private static final Validator FORMS = new Validator() {
        @Override
        public boolean supports(Class<?> type) {
            return Form.class.isAssignableFrom(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            ((Form) target).validate(errors);
        }
    };

    /** Form objects are small classes with public fields, bound and read field by field. */
    @InitBinder
    void forms(WebDataBinder binder) {
        Class<?> type = binder.getTarget() != null ? binder.getTarget().getClass()
                : binder.getTargetType() == null ? null : binder.getTargetType().resolve();
        if (type != null && Form.class.isAssignableFrom(type)) {
            binder.initDirectFieldAccess();
            binder.addValidators(FORMS);
        }
    }
}
