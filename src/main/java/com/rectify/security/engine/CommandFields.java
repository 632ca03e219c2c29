package com.rectify.security.engine;

import java.lang.reflect.Field;

/** Reads what an engine command was asked to do: its fields are protected, and the command classes are the engine's. */
final class CommandFields {

  private CommandFields() {}

  static Object read(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException notHere) {
        // declared further up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
  }

  static String string(Object command, String name) {
    Object value = read(command, name);
    return value == null ? null : value.toString();
  }
}
