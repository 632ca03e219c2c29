package com.rectify.common;

/**
 * How long a person's text may be: a recommendation, an agreed action, an update or a narrative. Far past
 * anything a council writes (committee papers carry narratives of a few thousand characters), so that no
 * real text is refused, and short enough that no request can fill the database.
 */
public final class TextLimits {

  public static final int LONGEST_TEXT = 100_000;

  private TextLimits() {}
}
