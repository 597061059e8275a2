package fr.trame.federation;

import fr.trame.centre.UserService;
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

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The one place where a request is tied to a federation: the {@code {federation}} path variable must name a federation
 * where the user has a role. An unknown federation and someone else's look the same (404).
 */
@Component
public class FederationScopeResolver implements HandlerMethodArgumentResolver {

    /** The request attribute templates read (the error page of a later refusal keeps the federation's menu). */
    static final String SCOPE_ATTRIBUTE = "fed";

    private final FederationService federations;
    private final TerritoryService territories;
    private final UserService users;

    public FederationScopeResolver(FederationService federations, TerritoryService territories, UserService users) {
        this.federations = federations;
        this.territories = territories;
        this.users = users;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == FederationScope.class;
    }

    @Override
    public FederationScope resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                           WebDataBinderFactory binderFactory) {
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String code = vars == null ? null : vars.get("federation");
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (code == null || auth == null) {
            throw new NotFound();
        }
        FederationScope scope = resolve(code, auth.getName());
        if (mav != null) {
            mav.addAttribute(SCOPE_ATTRIBUTE, scope);
        }
        request.setAttribute(SCOPE_ATTRIBUTE, scope, RequestAttributes.SCOPE_REQUEST);
        return scope;
    }

    public FederationScope resolve(String code, String username) {
        Federation federation = federations.findByCode(code).orElseThrow(NotFound::new);
        UserService.User user = users.findByUsername(username).orElseThrow(NotFound::new);
        FederationRole role = federations.rolesOf(user.id()).get(federation.id());
        if (role == null) {
            throw new NotFound();
        }
        Set<Long> followed = role == FederationRole.DELEGUE
                ? territories.followedBy(federation.id(), user.id(), LocalDate.now(FederationScope.ZONE))
                : Set.of();
        return new FederationScope(federation.id(), federation.code(), federation.name(), role, user.id(),
                user.displayName(), followed, user.platformAdmin());
    }
}
