package fr.trame.centre;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(11);
    }

    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/connexion", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/connexion").loginProcessingUrl("/connexion")
                        .defaultSuccessUrl("/", true).failureUrl("/connexion?erreur").permitAll())
                .logout(out -> out.logoutUrl("/deconnexion").logoutSuccessUrl("/connexion?sortie"))
                // scripts calling the JSON API authenticate with HTTP Basic; browsers use the form
                .httpBasic(Customizer.withDefaults())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        return http.build();
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
}
