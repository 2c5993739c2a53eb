package io.tongbao.common.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;

/** Resolves a {@link Caller} controller parameter from the gateway's identity headers. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return parse(request.getHeader(Caller.USER_ID_HEADER), request.getHeader(Caller.ROLES_HEADER));
    }

    static Caller parse(String userId, String roles) {
        long id;
        try {
            id = userId != null && userId.matches("[1-9]\\d{0,18}") ? Long.parseLong(userId) : 0;
        } catch (NumberFormatException tooLarge) {
            id = 0;
        }
        if (id <= 0) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "No authenticated caller");
        }
        Set<String> roleSet = roles == null || roles.isBlank() ? Set.of()
                : Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
        return new Caller(id, roleSet);
    }
}
