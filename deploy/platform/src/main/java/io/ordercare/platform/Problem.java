package io.ordercare.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, with the invalid fields of the request when there are any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<Error> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ordercare.io/problems/";

    public static Problem of(String code, String title, int status, String detail, String instance, List<Error> errors) {
        return new Problem(TYPE_BASE + code, title, status, detail, instance, errors == null || errors.isEmpty() ? null : errors);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String field, String code, String message, String rejectedValue) {
    }
}
