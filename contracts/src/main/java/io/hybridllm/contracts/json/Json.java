package io.hybridllm.contracts.json;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The wire format of every message: JSON with snake_case names, lower-case enums, ISO-8601 instants and no nulls.
 * Unknown fields are ignored so that older readers accept newer messages.
 */
public final class Json {

    /**
     * What a hostile document may cost a reader: no message of the system nests deeper than a few levels, and no text
     * in it is longer than the largest body a service takes; a document beyond either is refused at once (400 or a dead
     * letter), before a deep tree or a huge string is built.
     */
    public static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder().maxNestingDepth(64)
            .maxStringLength(16 * 1024 * 1024).build();

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    /** Applies the wire conventions to a mapper, e.g. the one a Quarkus service uses for HTTP. */
    @SuppressWarnings("deprecation") // MapperFeature on a built mapper: Quarkus hands us one already built.
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(READ_LIMITS);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
        mapper.configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true);
        mapper.registerModule(new JavaTimeModule());
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        return mapper;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads a message, or explains precisely why it is not one. */
    public static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new InvalidMessageException("", "empty message; expected a JSON " + type.getSimpleName());
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new InvalidMessageException("", "null message; expected a JSON " + type.getSimpleName());
            }
            return value;
        } catch (JacksonException e) {
            throw describe(e);
        }
    }

    /**
     * Reads a document a person wrote (an HTTP body): like {@link #read} but an unknown field is an error, so a typo
     * such as {@code mesages} is reported instead of silently ignored.
     */
    public static <T> T readStrict(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new InvalidMessageException("", "empty body; expected a JSON object");
        }
        try {
            T value = MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
            if (value == null) {
                throw new InvalidMessageException("", "null body; expected a JSON object");
            }
            return value;
        } catch (JacksonException e) {
            throw describe(e);
        }
    }

    /** An enum constant as it appears on the wire, e.g. {@code local-fast} or {@code commit_msg}. */
    public static String wireName(Enum<?> value) {
        return MAPPER.convertValue(value, String.class);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Turns a Jackson failure into the field path and reason a person can act on. */
    public static InvalidMessageException describe(JacksonException e) {
        String path = e instanceof JsonMappingException mapping ? pathOf(mapping.getPath()) : "";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidMessageException invalid) {
                String field = path.isEmpty() ? invalid.field()
                        : invalid.field().isEmpty() ? path : path + "." + invalid.field();
                return new InvalidMessageException(field, invalid.reason());
            }
        }
        String reason = switch (e) {
            case UnrecognizedPropertyException unknown -> "is not a known field; known: " + unknown
                    .getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            case InvalidFormatException format when format.getTargetType() != null && format.getTargetType().isEnum() ->
                    "'" + format.getValue() + "' is not one of: "
                            + Arrays.stream(format.getTargetType().getEnumConstants())
                                    .map(constant -> wireName((Enum<?>) constant)).collect(Collectors.joining(", "));
            default -> e.getOriginalMessage();
        };
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            reason += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return new InvalidMessageException(path, reason);
    }

    private static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private Json() {
    }
}
