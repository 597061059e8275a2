package fr.trame.web;

import fr.trame.centre.CentreScopeResolver;
import fr.trame.csv.ListDownload;
import fr.trame.federation.FederationScopeResolver;
import fr.trame.form.Cents;
import fr.trame.form.EurosFormatter;
import fr.trame.form.FrenchDateFormatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.LocalDate;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final CentreScopeResolver centreScopeResolver;
    private final FederationScopeResolver federationScopeResolver;

    public WebConfiguration(CentreScopeResolver centreScopeResolver, FederationScopeResolver federationScopeResolver) {
        this.centreScopeResolver = centreScopeResolver;
        this.federationScopeResolver = federationScopeResolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // not on the error page: it may be showing why a request body was refused, and must not read it again
        registry.addInterceptor(new RequestLimits()).excludePathPatterns("/error");
        registry.addInterceptor(new ListDownload.Interceptor()).excludePathPatterns("/error");
    }

    /** The one way every form reads a date and an amount (interchange.md). */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new FrenchDateFormatter());
        registry.addFormatterForFieldType(Cents.class, new EurosFormatter());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(centreScopeResolver);
        resolvers.add(federationScopeResolver);
    }
}
