package com.rectify.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code target/bench/results.json}: the machine, the scale, and per database every figure beside its
 * bare-engine baseline with their ratio. Each database's run replaces its own section and keeps the other's,
 * and the file is rewritten after every figure, so a run that stops half-way still leaves what it measured.
 */
final class BenchResults {

  static final Path FILE = Paths.get("target/bench/results.json");
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT);

  private final String database;
  private final Map<String, Object> run = new LinkedHashMap<>();
  private final Map<String, Object> setup = new LinkedHashMap<>();
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> goals = new LinkedHashMap<>();

  BenchResults(String database, String databaseVersion, double scale) {
    this.database = database;
    run.put("database", databaseVersion);
    run.put("scale", scale);
    run.put("startedAt", Instant.now().toString());
    run.put("setup", setup);
    run.put("figures", figures);
  }

  /** What the run prepared (how many rows, how long seeding took): context for the figures, not a figure. */
  void setup(String name, Object value) {
    setup.put(name, value);
    write();
  }

  /** One figure: what the application took, what the bare engine took for the same engine work, and their ratios. */
  void figure(String name, Figure figure) {
    figures.put(name, figure.toMap());
    write();
  }

  /**
   * One of the goals as measured: its name, the count it was measured at (not projected), the count the
   * goal names, the value and the goal in the same unit. Met only at or over the goal's count as well as at or
   * under the goal: a scaled-down run meets none. Kept in the file's top-level {@code figures} list beside the other
   * database's.
   */
  void goal(String name, long count, long goalCount, double value, double goal, String unit) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("database", database);
    entry.put("count", count);
    entry.put("value", Math.round(value * 100) / 100.0);
    entry.put("goal", goal);
    entry.put("unit", unit);
    entry.put("goalCount", goalCount);
    entry.put("met", count >= goalCount && value <= goal);
    goals.put(name, entry);
    write();
  }

  private synchronized void write() {
    run.put("writtenAt", Instant.now().toString());
    try {
      Files.createDirectories(FILE.getParent());
      ObjectNode root = Files.exists(FILE) ? (ObjectNode) JSON.readTree(FILE.toFile()) : JSON.createObjectNode();
      root.set("machine", JSON.valueToTree(machine()));
      ObjectNode runs = root.has("runs") ? (ObjectNode) root.get("runs") : root.putObject("runs");
      runs.set(database, JSON.valueToTree(run));
      ArrayNode all = JSON.createArrayNode();
      if (root.get("figures") instanceof ArrayNode earlier) {
        earlier.forEach(entry -> {
          if (!database.equals(entry.path("database").asText())) {
            all.add(entry);
          }
        });
      }
      goals.values().forEach(entry -> all.add(JSON.valueToTree(entry)));
      root.set("figures", all);
      JSON.writeValue(FILE.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      machine.put("memoryMb", os.getTotalMemorySize() / (1024 * 1024));
    }
    machine.put("cpu", cpuModel());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    return machine;
  }

  private static String cpuModel() {
    Path cpuinfo = Paths.get("/proc/cpuinfo");
    try {
      return Files.exists(cpuinfo) ? Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown") : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * A measurement: the application's numbers, the baseline's name and numbers, the ratios (application over
   * baseline) and the goal from the issue with whether it was met.
   */
  static final class Figure {
    private final Map<String, Object> map = new LinkedHashMap<>();
    private final Map<String, Object> application = new LinkedHashMap<>();
    private final Map<String, Object> baseline = new LinkedHashMap<>();

    Figure(String what, String baselineName) {
      map.put("what", what);
      map.put("application", application);
      baseline.put("name", baselineName);
      map.put("baseline", baseline);
    }

    Figure application(String key, Object value) {
      application.put(key, value);
      return this;
    }

    Figure baseline(String key, Object value) {
      baseline.put(key, value);
      return this;
    }

    Figure ratio(String key, double applicationValue, double baselineValue) {
      map.put(key, baselineValue <= 0 ? null : Math.round(applicationValue / baselineValue * 100) / 100.0);
      return this;
    }

    Figure goal(String goal, boolean met) {
      map.put("goal", goal);
      map.put("goalMet", met);
      return this;
    }

    Figure note(String note) {
      map.put("note", note);
      return this;
    }

    Map<String, Object> toMap() {
      return map;
    }
  }

  /** Latencies in milliseconds: median and 95th percentile (nearest rank). */
  record Latencies(List<Double> millis) {
    double median() {
      return percentile(50);
    }

    double p95() {
      return percentile(95);
    }

    double percentile(int p) {
      List<Double> sorted = millis.stream().sorted().toList();
      int rank = (int) Math.ceil(p / 100.0 * sorted.size());
      return round(sorted.get(Math.max(0, rank - 1)));
    }

    static double round(double millis) {
      return Math.round(millis * 10) / 10.0;
    }
  }
}
