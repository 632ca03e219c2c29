package com.rectify.evidence;

import com.rectify.common.Today;
import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.common.ApiException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Takes an evidence file for the open implementation step: checks size and real type, keeps its SHA-256,
 * stores the bytes under a generated name outside the engine, and refreshes the task's brief.
 */
@Service
public class EvidenceUpload {

  private final RecommendationRepository recommendations;
  private final EvidenceRepository evidence;
  private final EvidenceStorage storage;
  private final EvidenceProperties properties;
  private final ContentTypeDetector detector;
  private final TaskService taskService;
  private final ApplicationEventPublisher events;
  private final Today today;

  public EvidenceUpload(RecommendationRepository recommendations, EvidenceRepository evidence, EvidenceStorage storage,
      EvidenceProperties properties, ContentTypeDetector detector, TaskService taskService, Today today,
      ApplicationEventPublisher events) {
    this.events = events;
    this.recommendations = recommendations;
    this.evidence = evidence;
    this.storage = storage;
    this.properties = properties;
    this.detector = detector;
    this.taskService = taskService;
    this.today = today;
  }

  @Transactional
  public Evidence upload(Long recommendationId, String filename, byte[] content, String uploadedBy) {
    Recommendation recommendation = recommendations.findById(recommendationId)
        .orElseThrow(() -> ApiException.notFound("recommendation"));
    Task implementation = openImplementationStep(recommendation);
    String name = cleanName(filename);
    if (content.length == 0) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "file", "The file '" + name + "' is empty.");
    }
    if (content.length > properties.maxFileSize().toBytes()) {
      throw ApiException.of(HttpStatus.PAYLOAD_TOO_LARGE, "file", "The file '" + name + "' is " + content.length / 1024
          + " KB; evidence files may be at most " + properties.maxFileSize().toKilobytes() + " KB.");
    }
    String type = detector.detect(content, name);
    if (!properties.allowedTypes().contains(type)) {
      throw ApiException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file", "The file '" + name + "' contains " + type
          + ", which is not accepted as evidence. Accepted: PDF, Word, Excel, images (PNG, JPEG), plain text, CSV, e-mail.");
    }
    String storedName = UUID.randomUUID().toString();
    Evidence item = evidence.save(new Evidence(recommendationId, name, storedName, type, content.length, sha256(content),
        uploadedBy, today.now().toInstant()));
    storage.store(storedName, content);
    deleteFileIfRolledBack(storedName);
    events.publishEvent(new EvidenceAdded(recommendationId, implementation.getId()));
    return item;
  }

  @Transactional(readOnly = true)
  public Evidence find(Long recommendationId, Long evidenceId) {
    return evidence.findById(evidenceId).filter(e -> e.getRecommendationId().equals(recommendationId))
        .orElseThrow(() -> ApiException.notFound("evidence file"));
  }

  private Task openImplementationStep(Recommendation recommendation) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(recommendation.getBusinessKey())
        .taskDefinitionKey(LifecycleVariables.TASK_IMPLEMENT_ACTION).singleResult();
    if (task == null) {
      throw ApiException.of(HttpStatus.CONFLICT, "recommendationId", "Recommendation " + recommendation.getBusinessKey()
          + " has no open implementation step (status " + recommendation.getStatus()
          + "); evidence can be added only while the action is being implemented.");
    }
    return task;
  }

  private void deleteFileIfRolledBack(String storedName) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        if (status != STATUS_COMMITTED) {
          storage.delete(storedName);
        }
      }
    });
  }

  static String cleanName(String filename) {
    String name = filename == null ? "" : filename.replaceAll("^.*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"<>]", "").trim();
    if (name.isEmpty()) {
      name = "evidence";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
