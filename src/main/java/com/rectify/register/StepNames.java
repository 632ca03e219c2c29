package com.rectify.register;

import com.rectify.common.AsApplication;
import com.rectify.common.LifecycleVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

/**
 * The name a lifecycle step has in the deployed model ("Agree management action" for {@code Task_AgreeAction}),
 * from the newest version that has the step, so a step renamed in a new version reads as renamed.
 */
@Component
class StepNames {

  private final RepositoryService repositoryService;
  private final AsApplication asApplication;
  private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

  StepNames(RepositoryService repositoryService, AsApplication asApplication) {
    this.repositoryService = repositoryService;
    this.asApplication = asApplication;
  }

  /**
   * Names steps as the versions deployed now have them (asked once, for a whole page): a step's name, or nothing
   * when no deployed version has a step of this id with a name.
   */
  Function<String, Optional<String>> deployed() {
    List<ProcessDefinition> versions = asApplication.read(() -> repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(LifecycleVariables.LIFECYCLE_PROCESS).orderByProcessDefinitionVersion().desc().list());
    return stepId -> {
      if (stepId == null || stepId.isBlank()) {
        return Optional.empty();
      }
      for (ProcessDefinition version : versions) {
        String name = byDefinition.computeIfAbsent(version.getId(), this::namesOf).get(stepId);
        if (name != null) {
          return Optional.of(name);
        }
      }
      return Optional.empty();
    };
  }

  private Map<String, String> namesOf(String definitionId) {
    Map<String, String> names = new HashMap<>();
    asApplication.read(() -> repositoryService.getBpmnModelInstance(definitionId)).getModelElementsByType(FlowNode.class)
        .forEach(node -> {
          if (node.getName() != null && !node.getName().isBlank()) {
            names.put(node.getId(), node.getName().replaceAll("\\s+", " ").trim());
          }
        });
    return Map.copyOf(names);
  }
}
