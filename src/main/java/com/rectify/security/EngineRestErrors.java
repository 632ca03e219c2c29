package com.rectify.security;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API ({@code /engine-rest}) answers three kinds of bad request without words of its own: a
 * body cut off by the size limit (a 500), a body that is not JSON and a JSON value of the wrong type, such as
 * a date that is not one (400s with an empty message). These mappers, ahead of Camunda's, answer them 413
 * and 400 with a sentence naming the limit, the place in the body or the field.
 */
@Configuration
class EngineRestErrors {

  @Bean
  ResourceConfigCustomizer engineRestBadRequests() {
    // Priority 1: ahead of Camunda's and Jackson's own mappers for the same exceptions.
    return config -> config.register(new TooLarge(), 1).register(new WrongType(), 1).register(new NotJson(), 1);
  }

  static final class TooLarge implements ExceptionMapper<RequestBodyTooLargeException> {

    @Override
    public Response toResponse(RequestBodyTooLargeException e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", 413);
      body.put("message", e.getMessage());
      body.put("errors", List.of());
      return Response.status(413).type(MediaType.APPLICATION_JSON_TYPE).header("Connection", "close").entity(body).build();
    }
  }

  static final class WrongType implements ExceptionMapper<MismatchedInputException> {

    @Override
    public Response toResponse(MismatchedInputException e) {
      String field = field(e);
      String message;
      if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
        String value = String.valueOf(invalid.getValue());
        message = "Field '" + field + "' cannot be '" + (value.length() > 60 ? value.substring(0, 60) + "..." : value)
            + "'" + expected(invalid.getTargetType());
      } else {
        message = "Field '" + field + "' has a value of the wrong type.";
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "InvalidRequestException");
      body.put("message", message);
      body.put("code", null);
      return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static String expected(Class<?> type) {
      if (type == null) {
        return ".";
      }
      if (java.util.Date.class.isAssignableFrom(type)) {
        return ": it must be a date and time written yyyy-MM-dd'T'HH:mm:ss.SSSZ, e.g. 2025-03-31T00:00:00.000+0000.";
      }
      if (type == Boolean.class || type == boolean.class) {
        return ": it must be true or false.";
      }
      if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
        return ": it must be a whole number.";
      }
      if (type.isEnum()) {
        return ": it must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ".";
      }
      return ": it must be a " + type.getSimpleName() + ".";
    }

    private static String field(JsonMappingException e) {
      if (e.getPath().isEmpty()) {
        return "body";
      }
      return e.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
    }
  }

  static final class NotJson implements ExceptionMapper<JsonParseException> {

    @Override
    public Response toResponse(JsonParseException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      String reason = e.getOriginalMessage() == null ? "" : ": " + e.getOriginalMessage().lines().findFirst().orElse("");
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "InvalidRequestException");
      body.put("message", "The request body is not valid JSON" + where + reason);
      body.put("code", null);
      return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
  }
}
