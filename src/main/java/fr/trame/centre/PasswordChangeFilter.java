package fr.trame.centre;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A user whose password an administrator generated reaches nothing but the page that changes it. The check reads
 * the database until the password is changed, then once per session.
 */
class PasswordChangeFilter extends OncePerRequestFilter {

    static final String PAGE = "/compte/mot-de-passe";
    private static final String CHECKED = PasswordChangeFilter.class.getName() + ".checked";

    private final UserService users;

    PasswordChangeFilter(UserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()
                || (session != null && session.getAttribute(CHECKED) != null) || allowed(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean mustChange = users.findByUsername(auth.getName()).map(UserService.User::mustChangePassword).orElse(false);
        if (!mustChange) {
            if (session != null) {
                session.setAttribute(CHECKED, Boolean.TRUE);
            }
            chain.doFilter(request, response);
        } else if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/json;charset=UTF-8");
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.getWriter().write("{\"error\":\"Changez d'abord le mot de passe de ce compte en vous connectant à Trame.\"}");
        } else {
            response.sendRedirect(request.getContextPath() + PAGE);
        }
    }

    private static boolean allowed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(PAGE) || path.equals("/deconnexion") || path.equals("/error") || path.startsWith("/css/")
                || path.startsWith("/webjars/");
    }
}
