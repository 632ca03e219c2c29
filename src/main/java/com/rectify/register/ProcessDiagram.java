package com.rectify.register;

import com.rectify.common.LifecycleVariables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import com.rectify.common.AsApplication;
import org.springframework.stereotype.Component;

/** A recommendation's lifecycle instance as the engine knows it: its BPMN, where it stands now, and where it has been. */
@Component
class ProcessDiagram {

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final AsApplication asApplication;

  public ProcessDiagram(RuntimeService runtimeService, HistoryService historyService, RepositoryService repositoryService,
      AsApplication asApplication) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.asApplication = asApplication;
  }

  /**
   * The instance: its id, its definition, whether it still runs, the steps it stands at now (innermost first
   * found) and every step it has passed through.
   */
  public record Instance(String id, String definitionId, boolean running, List<String> current, Set<String> visited) {
    public String cockpitUrl() {
      return "/camunda/app/cockpit/default/#/process-instance/" + id + "/runtime";
    }
  }

  /** The caller has already decided the user may see this recommendation; the engine is read as the application. */
  public Optional<Instance> of(String businessKey) {
    return asApplication.read(() -> find(businessKey));
  }

  private Optional<Instance> find(String businessKey) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(LifecycleVariables.LIFECYCLE_PROCESS).orderByProcessInstanceStartTime().desc()
        .listPage(0, 1).stream().findFirst().orElse(null);
    if (instance == null) {
      return Optional.empty();
    }
    boolean running = instance.getEndTime() == null;
    List<String> current = new ArrayList<>();
    if (running) {
      ActivityInstance tree = runtimeService.getActivityInstance(instance.getId());
      if (tree != null) {
        collectLeaves(tree, current);
      }
    }
    Set<String> visited = new LinkedHashSet<>();
    historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list().stream()
        .map(HistoricActivityInstance::getActivityId).forEach(visited::add);
    return Optional.of(new Instance(instance.getId(), instance.getProcessDefinitionId(), running, current, visited));
  }

  public String bpmnXml(String definitionId) {
    return asApplication.read(() -> readModel(definitionId));
  }

  private String readModel(String definitionId) {
    try (InputStream model = repositoryService.getProcessModel(definitionId)) {
      return new String(model.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collectLeaves(ActivityInstance instance, List<String> into) {
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      into.add(transition.getActivityId());
    }
    if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0
        && instance.getParentActivityInstanceId() != null) {
      into.add(instance.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collectLeaves(child, into);
    }
  }
}
