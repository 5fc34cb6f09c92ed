package jp.kakehashi.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The problem+json answers of every operation, added to the document micronaut-openapi generates
 * (which knows only the 200s): which problems an operation can answer follows from what it is — any
 * operation may find the database down (503), one with parameters or a body may be refused (400), one
 * for staff needs a token and a role (401, 403), one on a resource by id may not find it (404), a
 * change may meet another state or version (409, 412) or a claim held by someone else (423, pairs),
 * a body may be too large (413) or invalid (422), one that starts a job (202 "A job …") may find the queue
 * full (429). Each answer carries the shared {@code Problem}
 * schema and an example with its stable code and its English title from {@code locales/}.
 */
final class ApiProblems {
    private static final String PROBLEM = "application/problem+json";
    private static final Set<String> CHANGES = Set.of("post", "put", "patch", "delete");

    private ApiProblems() {
    }

    /** Where an operation is: its method (lower case) and path template, as the document writes them. */
    record Operation(String method, String path) {
    }

    /**
     * Adds the answers to {@code doc} (the parsed document, changed in place). {@code anonymous} says
     * whether an operation is open to anyone; {@code title} gives an error code's title.
     */
    @SuppressWarnings("unchecked")
    static void add(Map<String, Object> doc, Function<Operation, Boolean> anonymous, Function<ErrorCode, String> title) {
        Map<String, Object> components = (Map<String, Object>) doc.computeIfAbsent("components", k -> new LinkedHashMap<>());
        Map<String, Object> schemas = (Map<String, Object>) components.computeIfAbsent("schemas", k -> new LinkedHashMap<>());
        schemas.put("Problem", schema());
        Map<String, Object> paths = (Map<String, Object>) doc.getOrDefault("paths", Map.of());
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (op instanceof Map<?, ?> operation && operation.containsKey("responses")) {
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                for (ErrorCode code : answers(new Operation(method, path), (Map<String, Object>) operation, anonymous)) {
                    responses.putIfAbsent(Integer.toString(code.status().getCode()), response(code, title.apply(code)));
                }
            }
        }));
    }

    @SuppressWarnings("unchecked")
    static List<ErrorCode> answers(Operation at, Map<String, Object> operation, Function<Operation, Boolean> anonymous) {
        List<ErrorCode> codes = new ArrayList<>();
        boolean body = operation.containsKey("requestBody");
        boolean change = CHANGES.contains(at.method());
        if (body || operation.containsKey("parameters")) {
            codes.add(body ? ErrorCode.MALFORMED_JSON : ErrorCode.INVALID_PARAMETER);
        }
        if (!Boolean.TRUE.equals(anonymous.apply(at))) {
            codes.add(ErrorCode.UNAUTHORIZED);
            codes.add(ErrorCode.FORBIDDEN);
        }
        if (at.path().contains("{")) {
            codes.add(ErrorCode.NOT_FOUND);
        }
        if (change && at.path().contains("{")) {
            codes.add(ErrorCode.WRONG_STATE);
            codes.add(ErrorCode.PRECONDITION_FAILED);
        }
        if (change && at.path().startsWith("/api/v1/pairs/")) {
            codes.add(ErrorCode.LOCKED);
        }
        if (((Map<String, Object>) operation.getOrDefault("responses", Map.of())).get("202") instanceof Map<?, ?> accepted
                && String.valueOf(accepted.get("description")).startsWith("A job")) {
            codes.add(ErrorCode.TOO_MANY_REQUESTS); // the job queue is full; other 202s queue nothing bounded
        }
        if (body) {
            codes.add(ErrorCode.BODY_TOO_LARGE);
            codes.add(ErrorCode.VALIDATION_FAILED);
        }
        codes.add(ErrorCode.DATABASE_UNAVAILABLE);
        return codes;
    }

    private static Map<String, Object> response(ErrorCode code, String title) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", code.type());
        example.put("title", title);
        example.put("status", code.status().getCode());
        example.put("code", code.name());
        example.put("instance", "/api/v1/…");
        example.put("requestId", "6f1c2e0a9b3d4f57");
        return Map.of("description", title, "content", Map.of(PROBLEM, Map.of(
                "schema", Map.of("$ref", "#/components/schemas/Problem"), "example", example)));
    }

    private static Map<String, Object> schema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "format", "uri", "description", "the problem type's stable URI"));
        properties.put("title", Map.of("type", "string", "description", "in the request's language"));
        properties.put("status", Map.of("type", "integer"));
        properties.put("code", Map.of("type", "string", "description", "stable, one of ErrorCode",
                "enum", java.util.Arrays.stream(ErrorCode.values()).map(Enum::name).toList()));
        properties.put("detail", Map.of("type", "string"));
        properties.put("instance", Map.of("type", "string"));
        properties.put("requestId", Map.of("type", "string", "description", "the X-Request-Id of the request"));
        return Map.of("type", "object", "required", List.of("type", "title", "status", "code"),
                "properties", properties, "additionalProperties", true,
                "description", "RFC 9457 problem details; some codes add fields (state, blocking, field, …)");
    }
}
