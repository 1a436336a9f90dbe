package dev.assay.auth;

import dev.assay.common.AssayException;
import dev.assay.common.ErrorCode;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take the authenticated {@link Caller} as a plain method argument. */
@Configuration(proxyBeanMethods = false)
class CallerArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binderFactory) {
        Object caller = request.getAttribute(ApiKeyAuthenticationFilter.CALLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (caller == null) {
            // Unreachable while the filter and the handler mapping agree on paths; a 401, never a 500, if not.
            throw new AssayException(ErrorCode.UNAUTHORIZED, "Missing or invalid API key: send Authorization: Bearer gsk_...");
        }
        return (Caller) caller;
    }
}
