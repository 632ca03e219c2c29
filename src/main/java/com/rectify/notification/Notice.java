package com.rectify.notification;

import java.util.List;

/**
 * What one mail says: a subject, a greeting, the paragraphs (plain text, escaped when rendered), a list of
 * items each with its own link (empty in most notices), and the one link that takes the reader where they can act.
 */
public record Notice(String kind, String subject, String greeting, List<String> paragraphs, List<Item> items,
    String linkLabel, String link, Long recommendationId) {

  /** One line of a notice's list, in words, and where it leads. */
  public record Item(String label, String link) {}

  public Notice(String kind, String subject, String greeting, List<String> paragraphs, String linkLabel, String link,
      Long recommendationId) {
    this(kind, subject, greeting, paragraphs, List.of(), linkLabel, link, recommendationId);
  }
}
