package io.ordercare.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;

/**
 * Builds problem+json responses in the caller's language; each service's exception mappers use it
 * for their own problems, {@link ProblemMappers} for the ones every service shares.
 */
@ApplicationScoped
public class Problems {

    @Inject
    Messages messages;

    public Locale locale(HttpHeaders headers) {
        return messages.pick(headers.getAcceptableLanguages());
    }

    public String text(Locale locale, String key, Object... args) {
        return messages.get(locale, key, args);
    }

    /** One invalid field, its stable code and the sentence for it in the caller's language. */
    public Problem.Error fieldError(Locale l, FieldError e) {
        return new Problem.Error(e.field(), e.code(), messages.get(l, "field." + e.code()), e.rejectedValue());
    }

    /** {@code code.title} and {@code code.detail} (formatted with {@code args}) from the message bundles. */
    public Response response(int status, String code, Locale l, UriInfo uri, List<Problem.Error> errors, Object... args) {
        Problem p = Problem.of(code, messages.get(l, code + ".title"), status, messages.get(l, code + ".detail", args),
                uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    public Response response(int status, String code, HttpHeaders headers, UriInfo uri, Object... args) {
        return response(status, code, locale(headers), uri, null, args);
    }
}
