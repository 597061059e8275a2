package fr.trame.centre;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Pages log in with the form and keep a session; only the JSON API under {@code /api/} takes HTTP Basic, for
 * scripts. Both go through one provider that refuses a locked account or address before checking the password.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CSP =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(11);
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain api(HttpSecurity http, UserService users) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .addFilterAfter(new AccountStateFilter(users), AuthorizationFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain pages(HttpSecurity http, UserService users) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/connexion", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/connexion").loginProcessingUrl("/connexion")
                        .defaultSuccessUrl("/", true)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + "/connexion?" + (e instanceof LockedException locked ? "bloque=" + locked.getMessage() : "erreur")))
                        .permitAll())
                .logout(out -> out.logoutUrl("/deconnexion").logoutSuccessUrl("/connexion?sortie"))
                .addFilterAfter(new AccountStateFilter(users), AuthorizationFilter.class)
                .addFilterAfter(new CsrfTokenFirst(), CsrfFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        return http.build();
    }

    /**
     * A page's CSRF token, and so its session, made before the page is written: a form far down a long page would
     * otherwise make it after the first bytes are sent, when no session can be created any more (sessions are in the
     * database, Spring Session JDBC). Not for static files, which need no session.
     */
    static final class CsrfTokenFirst extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token && !path.startsWith("/css/")
                    && !path.startsWith("/js/") && !path.startsWith("/webjars/") && !path.equals("/favicon.ico")) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    @Bean
    UserDetailsService userDetailsService(UserService users) {
        return username -> users.findByUsername(username)
                .flatMap(u -> users.passwordHash(u.username()).map(hash -> User.withUsername(u.username())
                        .password(hash)
                        .disabled(!u.enabled())
                        .authorities(List.of(new SimpleGrantedAuthority(u.platformAdmin() ? "ROLE_PLATFORM_ADMIN" : "ROLE_USER")))
                        .build()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService details, PasswordEncoder encoder,
                                                  LoginThrottle throttle) {
        return new ThrottledProvider(details, encoder, throttle);
    }

    /** Checks the lock first (a locked account's password is not even tried), counts wrong passwords. */
    static final class ThrottledProvider extends DaoAuthenticationProvider {

        private final LoginThrottle throttle;

        ThrottledProvider(UserDetailsService details, PasswordEncoder encoder, LoginThrottle throttle) {
            super(details);
            setPasswordEncoder(encoder);
            this.throttle = throttle;
        }

        @Override
        public Authentication authenticate(Authentication authentication) throws AuthenticationException {
            String username = String.valueOf(authentication.getPrincipal());
            String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                    ? web.getRemoteAddress() : null;
            var lock = throttle.attempt(username, address);
            if (lock.isPresent()) {
                // the message carries the minutes left, which the login page shows in French
                throw new LockedException(String.valueOf(minutes(lock.get())));
            }
            try {
                Authentication done = super.authenticate(authentication);
                throttle.succeeded(username, address);
                return done;
            } catch (BadCredentialsException e) {
                throttle.failed(username, address);
                throw e;
            }
        }

        static long minutes(Duration d) {
            return Math.max(1, (d.toSeconds() + 59) / 60);
        }
    }
}
