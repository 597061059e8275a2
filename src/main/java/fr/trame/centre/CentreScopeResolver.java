package fr.trame.centre;

import fr.trame.form.NotFound;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * The one place where a request is tied to a centre: the {@code {centre}} path variable must name a centre where the
 * user has a role. An unknown centre and a centre of someone else look the same (404), so ids and codes leak nothing.
 */
@Component
public class CentreScopeResolver implements HandlerMethodArgumentResolver {

    /**
     * The request attribute holding the centre the request was tied to, once it was; templates read request attributes
     * as variables, so the error page of a later refusal shows the centre's menu like any page.
     */
    static final String SCOPE_ATTRIBUTE = "scope";

    private final CentreService centres;
    private final UserService users;

    public CentreScopeResolver(CentreService centres, UserService users) {
        this.centres = centres;
        this.users = users;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CentreScope.class;
    }

    @Override
    public CentreScope resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                       WebDataBinderFactory binderFactory) {
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String code = vars == null ? null : vars.get("centre");
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (code == null || auth == null) {
            throw new NotFound();
        }
        CentreScope scope = resolve(code, auth.getName());
        if (mav != null) {
            mav.addAttribute("scope", scope);
        }
        // also for the error page of a refusal later in this request (a role's 403): the user stays in their centre
        request.setAttribute(SCOPE_ATTRIBUTE, scope, RequestAttributes.SCOPE_REQUEST);
        return scope;
    }

    public CentreScope resolve(String code, String username) {
        Centre centre = centres.findByCode(code).orElseThrow(() -> new NotFound());
        UserService.User user = users.findByUsername(username)
                .orElseThrow(() -> new NotFound());
        Role role = users.roleIn(user.id(), centre.id()).orElseThrow(() -> new NotFound());
        return new CentreScope(centre.id(), centre.code(), centre.name(), role, user.id(), user.displayName(),
                centre.zone(), users.seesDisability(user.id(), centre.id()));
    }
}
