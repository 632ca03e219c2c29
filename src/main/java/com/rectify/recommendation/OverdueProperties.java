package com.rectify.recommendation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The council's overdue policy ({@code rectify.overdue}): what "how long overdue" is measured from. Committee
 * papers usually count from the original target date, the default.
 */
@ConfigurationProperties("rectify.overdue")
public record OverdueProperties(OverdueRule.Basis basis) {

  public OverdueProperties {
    basis = basis == null ? OverdueRule.Basis.ORIGINAL : basis;
  }
}
