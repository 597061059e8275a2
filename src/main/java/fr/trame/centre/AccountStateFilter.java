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
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Every authenticated request checks the account as it is now, not as it was at login: a disabled account, or a
 * session opened before its password was reset or changed, is logged out; a user whose password an administrator
 * generated reaches nothing but the page that changes it.
 */
class AccountStateFilter extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/compte/mot-de-passe";
    private static final String OPENED_AT = AccountStateFilter.class.getName() + ".openedAt";

    private final UserService users;

    AccountStateFilter(UserService users) {
        this.users = users;
    }

    /** After the owner's own change of password, their session stays open (others of theirs are closed). */
    static void renew(HttpSession session) {
        session.setAttribute(OPENED_AT, OffsetDateTime.now());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        boolean api = path(request).startsWith("/api/");
        Optional<UserService.User> user = users.findByUsername(auth.getName());
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(OPENED_AT) == null) {
            renew(session); // the first request after the login
        }
        OffsetDateTime openedAt = session == null ? null : (OffsetDateTime) session.getAttribute(OPENED_AT);
        if (user.isEmpty() || !user.get().enabled()
                || (openedAt != null && openedAt.isBefore(user.get().credentialsChangedAt()))) {
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (api) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(request.getContextPath() + "/connexion?expiree");
            }
            return;
        }
        if (user.get().mustChangePassword() && !allowedBeforeChange(path(request))) {
            if (api) {
                response.setContentType("application/json;charset=UTF-8");
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.getWriter().write("{\"error\":\"Changez d'abord le mot de passe de ce compte en vous connectant à Trame.\"}");
            } else {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean allowedBeforeChange(String path) {
        return path.equals(PASSWORD_PAGE) || path.equals("/deconnexion") || path.equals("/error") || path.startsWith("/css/")
                || path.startsWith("/webjars/");
    }
}
