package com.rectify.notification;

import java.util.List;

/**
 * What one mail says: a subject, a greeting, the paragraphs (plain text, escaped when rendered), and the
 * one link that takes the reader where they can act.
 */
public record Notice(String kind, String subject, String greeting, List<String> paragraphs, String linkLabel, String link,
    Long recommendationId) {}
