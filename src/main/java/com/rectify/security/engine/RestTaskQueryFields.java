package com.rectify.security.engine;

import java.beans.Introspector;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;

/**
 * Names a refused expression as the request named it. Built from the REST API's own task query by
 * reflection: each {@code set…Expression} property is applied to an engine query to see which engine
 * key it fills, so a property added in a later version is named too.
 */
final class RestTaskQueryFields {

  private static volatile Map<String, String> byEngineKey;

  private RestTaskQueryFields() {}

  static Map<String, String> byEngineKey() {
    Map<String, String> known = byEngineKey;
    if (known == null) {
      known = Map.copyOf(probe());
      byEngineKey = known;
    }
    return known;
  }

  private static Map<String, String> probe() {
    Map<String, String> names = new HashMap<>();
    for (Method setter : TaskQueryDto.class.getMethods()) {
      String name = setter.getName();
      if (name.startsWith("set") && name.endsWith("Expression") && setter.getParameterCount() == 1
          && setter.getParameterTypes()[0] == String.class) {
        Probe dto = new Probe();
        try {
          setter.invoke(dto, "${probe}");
        } catch (IllegalAccessException | InvocationTargetException e) {
          continue;
        }
        TaskQueryImpl query = new TaskQueryImpl();
        dto.applyTo(query);
        String field = Introspector.decapitalize(name.substring(3));
        query.getExpressions().keySet().forEach(engineKey -> names.put(engineKey, field));
      }
    }
    return names;
  }

  private static final class Probe extends TaskQueryDto {
    void applyTo(TaskQueryImpl query) {
      applyFilters(query);
    }
  }
}
