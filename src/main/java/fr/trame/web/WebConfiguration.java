package fr.trame.web;

import fr.trame.centre.CentreScopeResolver;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final CentreScopeResolver centreScopeResolver;

    public WebConfiguration(CentreScopeResolver centreScopeResolver) {
        this.centreScopeResolver = centreScopeResolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // not on the error page: it may be showing why a request body was refused, and must not read it again
        registry.addInterceptor(new RequestLimits()).excludePathPatterns("/error");
        registry.addInterceptor(new fr.trame.csv.ListDownload.Interceptor()).excludePathPatterns("/error");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(centreScopeResolver);
    }
}
