package com.rectify.recommendation.access;

import com.rectify.common.AsApplication;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The tasks whose candidates a decision table chooses, and every group those tables can name, read from what
 * is deployed: a user task whose candidate groups are {@code ${someVariable}}, where a business rule task of
 * the same process writes {@code someVariable} from a decision (in the lifecycle: <em>Approve revised target
 * date</em> from {@code RevisionApprovalTier}, <em>Accept residual risk</em> from {@code RiskAcceptor}). The
 * groups are the decisions' output entries, every deployed version of them, so a council that edits a table
 * and redeploys it is covered, and so is a task still open from the version before.
 *
 * <p>Each deployed definition is read once (definitions do not change once deployed); which definitions are
 * deployed is asked each time, two small queries.
 */
@Component
class DecidingGroups {

  private static final Logger LOG = LoggerFactory.getLogger(DecidingGroups.class);
  private static final Pattern VARIABLE = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}$");
  private static final Pattern STRING = Pattern.compile("^\"([^\"]*)\"$");

  /** The tasks a decision table routes (by task definition key) and the groups it can name for them. */
  public record Deciders(Set<String> taskKeys, Set<String> groups) {}

  /** By process definition id: task definition key → the decision that chooses its candidate groups. */
  private final ConcurrentMap<String, Map<String, String>> routedByProcess = new ConcurrentHashMap<>();
  /** By decision definition id: the groups its outputs name. */
  private final ConcurrentMap<String, Set<String>> namedByDecision = new ConcurrentHashMap<>();

  private final RepositoryService repository;
  private final AsApplication asApplication;

  public DecidingGroups(RepositoryService repository, AsApplication asApplication) {
    this.repository = repository;
    this.asApplication = asApplication;
  }

  public Deciders current() {
    return asApplication.read(() -> {
      Set<String> taskKeys = new TreeSet<>();
      Set<String> decisionKeys = new HashSet<>();
      for (ProcessDefinition process : repository.createProcessDefinitionQuery().list()) {
        Map<String, String> routed = routedByProcess.computeIfAbsent(process.getId(),
            id -> tasksRoutedByDecisions(repository.getBpmnModelInstance(id)));
        taskKeys.addAll(routed.keySet());
        decisionKeys.addAll(routed.values());
      }
      Set<String> groups = new TreeSet<>();
      if (!decisionKeys.isEmpty()) {
        for (DecisionDefinition decision : repository.createDecisionDefinitionQuery().list()) {
          if (decisionKeys.contains(decision.getKey())) {
            groups.addAll(namedByDecision.computeIfAbsent(decision.getId(),
                id -> groupsNamedBy(repository.getDmnModelInstance(id), decision.getKey())));
          }
        }
      }
      return new Deciders(Set.copyOf(taskKeys), Set.copyOf(groups));
    });
  }

  /** In one process: each user task whose candidate groups a decision's result gives, with that decision's key. */
  static Map<String, String> tasksRoutedByDecisions(BpmnModelInstance process) {
    Map<String, String> decisionByResult = new HashMap<>();
    for (BusinessRuleTask rule : process.getModelElementsByType(BusinessRuleTask.class)) {
      String result = rule.getCamundaResultVariable();
      String decision = rule.getCamundaDecisionRef();
      if (result != null && decision != null && !decision.contains("{")) {
        decisionByResult.put(result, decision);
      }
    }
    Map<String, String> routed = new HashMap<>();
    for (UserTask task : process.getModelElementsByType(UserTask.class)) {
      String candidates = task.getCamundaCandidateGroups();
      Matcher variable = candidates == null ? null : VARIABLE.matcher(candidates.trim());
      if (variable != null && variable.matches() && decisionByResult.containsKey(variable.group(1))) {
        routed.put(task.getId(), decisionByResult.get(variable.group(1)));
      }
    }
    return routed;
  }

  /** The groups a decision's outputs name: each output entry that is a quoted text, split at commas as the engine splits candidate groups. */
  static Set<String> groupsNamedBy(DmnModelInstance model, String decisionKey) {
    Set<String> groups = new TreeSet<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (!decisionKey.equals(decision.getId())) {
        continue;
      }
      if (decision.getExpression() instanceof DecisionTable table) {
        for (Rule rule : table.getRules()) {
          rule.getOutputEntries().forEach(entry -> addNamed(entry, decisionKey, groups));
        }
      } else if (decision.getExpression() instanceof LiteralExpression literal) {
        addNamed(literal, decisionKey, groups);
      }
    }
    return groups;
  }

  private static void addNamed(LiteralExpression entry, String decisionKey, Collection<String> groups) {
    String text = entry.getText() == null ? "" : entry.getText().getTextContent().trim();
    if (text.isEmpty()) {
      return;
    }
    Matcher literal = STRING.matcher(text);
    if (!literal.matches()) {
      LOG.warn("Decision {} has an output that is not a group name in quotes ({}): whoever it names is not known to be"
          + " asked to decide, and reads recommendations only as their other groups allow", decisionKey, text);
      return;
    }
    for (String group : literal.group(1).split(",")) {
      if (!group.isBlank()) {
        groups.add(group.trim());
      }
    }
  }
}
