package com.rectify.common;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This node's name among the nodes sharing one database ({@code <pid>@<host>/<random>}): it marks the jobs
 * the node has locked (Cockpit shows it) and the mail it has claimed, so one can tell whose work a dead
 * node left behind.
 */
@Component
public class NodeName {

  private final String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

  public String get() {
    return name;
  }
}
