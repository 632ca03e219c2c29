package com.rectify.evidence;

/**
 * A file was added to a recommendation while its implementation step is open. Published inside the
 * upload's transaction, so whoever keeps something about the step up to date (the task's brief) does so
 * in the same transaction.
 */
public record EvidenceAdded(Long recommendationId, String implementationTaskId) {}
