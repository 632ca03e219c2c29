package com.rectify.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * The bare engine the model tests run on: in memory, no Spring, no job executor (tests execute jobs and move
 * the clock themselves), activity history (what hasPassed reads). Its expression manager resolves the beans
 * the BPMN names from {@link org.camunda.bpm.engine.test.mock.Mocks}, where each test registers stand-ins
 * ({@link ModelStandIns}).
 * Every sequence flow an instance takes is recorded, so a model test can prove it took every flow of its
 * process: a path added to a BPMN without a test fails the build.
 */
final class ModelEngine {

  /** Flow ids taken, per process key, since the last {@link #forgetFlowsTaken()}. */
  private static final ConcurrentHashMap<String, Set<String>> FLOWS_TAKEN = new ConcurrentHashMap<>();

  private static ProcessEngine engine;

  private ModelEngine() {}

  /** The extension for a model test class: the one engine of this JVM, built on first use. */
  static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
  }

  static synchronized ProcessEngine engine() {
    if (engine == null) {
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
          .createStandaloneInMemProcessEngineConfiguration()
          .setProcessEngineName("model-tests")
          .setJdbcUrl("jdbc:h2:mem:model-tests;DB_CLOSE_DELAY=1000")
          .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
          .setJobExecutorActivate(false)
          .setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY);
      configuration.setExpressionManager(new MockExpressionManager());
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>(List.of(new RecordFlowsTaken())));
      configuration.setDbMetricsReporterActivate(false);
      engine = configuration.buildProcessEngine();
    }
    return engine;
  }

  /**
   * Deploys what the application deploys (application.yaml: every BPMN, DMN and form under {@code bpmn/}),
   * in one deployment, as the processes bind their decisions, forms and called process to their own deployment.
   */
  static Deployment deployTheModels() {
    DeploymentBuilder deployment = engine().getRepositoryService().createDeployment().name("model-tests");
    for (String resource : modelResources()) {
      try (InputStream in = ModelEngine.class.getClassLoader().getResourceAsStream(resource)) {
        deployment.addInputStream(resource, new java.io.ByteArrayInputStream(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return deployment.deploy();
  }

  static void undeploy(Deployment deployment) {
    if (deployment != null) {
      engine().getRepositoryService().deleteDeployment(deployment.getId(), true, true);
    }
  }

  /** bpmn/**.bpmn, .dmn and .form on the class path, as the build copies them from the project's bpmn folder. */
  static List<String> modelResources() {
    URL root = ModelEngine.class.getClassLoader().getResource("bpmn");
    if (root == null || !"file".equals(root.getProtocol())) {
      throw new IllegalStateException("The models are not on the class path as files: " + root);
    }
    try {
      Path base = Paths.get(root.toURI()).getParent();
      try (Stream<Path> files = Files.walk(base.resolve("bpmn"))) {
        return files.filter(Files::isRegularFile)
            .map(path -> base.relativize(path).toString().replace('\\', '/'))
            .filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))
            .sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static void forgetFlowsTaken() {
    FLOWS_TAKEN.clear();
  }

  static Set<String> flowsTaken(String processKey) {
    return new TreeSet<>(FLOWS_TAKEN.getOrDefault(processKey, Set.of()));
  }

  /** Every sequence flow of the deployed process, by id. */
  static Set<String> flowsOf(Deployment deployment, String processKey) {
    ProcessDefinition definition = engine().getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deployment.getId()).processDefinitionKey(processKey).singleResult();
    return engine().getRepositoryService().getBpmnModelInstance(definition.getId())
        .getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Fails naming every flow of the process that no test of the class has taken. */
  static void assertEveryFlowTaken(Deployment deployment, String processKey) {
    Set<String> all = flowsOf(deployment, processKey);
    Set<String> untaken = new TreeSet<>(all);
    untaken.removeAll(flowsTaken(processKey));
    assertThat(all).as("sequence flows of " + processKey).isNotEmpty();
    assertThat(untaken).as("sequence flows of " + processKey + " that no test took (add a test for the new path)").isEmpty();
  }

  /** Adds a listener to every sequence flow as it is parsed, noting the flow's id when an instance takes it. */
  static final class RecordFlowsTaken extends AbstractBpmnParseListener {
    @Override
    public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scope, TransitionImpl transition) {
      String flowId = transition.getId();
      transition.addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) execution -> FLOWS_TAKEN
          .computeIfAbsent(((ExecutionEntity) execution).getProcessDefinition().getKey(), key -> ConcurrentHashMap.newKeySet())
          .add(flowId));
    }
  }
}
