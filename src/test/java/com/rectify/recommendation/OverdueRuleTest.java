package com.rectify.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.recommendation.OverdueRule.Band;
import com.rectify.recommendation.OverdueRule.Standing;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The overdue rule on plain dates: what is overdue, from when it counts, and where the bands begin and end. */
class OverdueRuleTest {

  static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
  static final OverdueRule FROM_ORIGINAL = new OverdueRule(new OverdueProperties(OverdueRule.Basis.ORIGINAL));
  static final OverdueRule FROM_CURRENT = new OverdueRule(new OverdueProperties(OverdueRule.Basis.CURRENT));

  @Test
  void overdueWhenTheDateThatAppliesHasPassed() {
    assertThat(standing(TODAY.minusDays(1), TODAY.minusDays(1)).overdue()).isTrue();
    assertThat(standing(TODAY, TODAY).band()).as("due today is not yet late").isEqualTo(Band.NOT_DUE);
    assertThat(standing(TODAY.minusMonths(2), TODAY.plusMonths(1)).band()).as("revised to a later date").isEqualTo(Band.NOT_DUE);
    assertThat(standing(null, null).band()).as("not agreed, no date").isEqualTo(Band.NOT_DUE);
    assertThat(FROM_ORIGINAL.standing(false, TODAY.minusYears(2), TODAY.minusYears(2), TODAY).band()).as("closed").isNull();
    assertThat(FROM_ORIGINAL.standing(false, TODAY.minusYears(2), TODAY.minusYears(2), TODAY).overdue()).isFalse();
  }

  @Test
  void aDateRevisedToTbcKeepsItsOriginalDate() {
    Standing tbc = standing(TODAY.minusMonths(5), null);
    assertThat(tbc.overdue()).isTrue();
    assertThat(tbc.countedFrom()).isEqualTo(TODAY.minusMonths(5));
    assertThat(tbc.band()).isEqualTo(Band.FROM_3_TO_12_MONTHS);
    assertThat(standing(TODAY.plusDays(3), null).band()).as("TBC before the original date has come").isEqualTo(Band.NOT_DUE);
  }

  @Test
  void howLongCountsFromTheOriginalDate() {
    Standing revised = standing(TODAY.minusMonths(14), TODAY.minusDays(10));
    assertThat(revised.countedFrom()).isEqualTo(TODAY.minusMonths(14));
    assertThat(revised.days()).isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(TODAY.minusMonths(14), TODAY));
    assertThat(revised.months()).isEqualTo(14);
    assertThat(revised.band()).isEqualTo(Band.OVER_12_MONTHS);

    Standing broughtForward = standing(TODAY.plusMonths(1), TODAY.minusDays(4));
    assertThat(broughtForward.countedFrom()).as("a revision brought the date forward").isEqualTo(TODAY.minusDays(4));
    assertThat(broughtForward.days()).isEqualTo(4);
    assertThat(broughtForward.band()).isEqualTo(Band.UNDER_3_MONTHS);
  }

  @Test
  void measuredFromTheCurrentDateARevisionRestartsTheClock() {
    Standing revised = FROM_CURRENT.standing(true, TODAY.minusMonths(14), TODAY.minusDays(10), TODAY);
    assertThat(revised.countedFrom()).isEqualTo(TODAY.minusDays(10));
    assertThat(revised.days()).isEqualTo(10);
    assertThat(revised.band()).isEqualTo(Band.UNDER_3_MONTHS);
    Standing tbc = FROM_CURRENT.standing(true, TODAY.minusMonths(5), null, TODAY);
    assertThat(tbc.countedFrom()).as("TBC: the original date applies").isEqualTo(TODAY.minusMonths(5));
    assertThat(tbc.band()).isEqualTo(Band.FROM_3_TO_12_MONTHS);
    assertThat(FROM_CURRENT.standing(true, TODAY.minusMonths(2), TODAY.plusMonths(1), TODAY).band())
        .as("whether it is overdue at all does not depend on the basis").isEqualTo(Band.NOT_DUE);
    assertThat(new OverdueProperties(null).basis()).as("the default").isEqualTo(OverdueRule.Basis.ORIGINAL);
    assertThat(OverdueRule.Basis.CURRENT.statement()).isEqualTo("Overdue measured from the current target date");
  }

  @Test
  void exactlyThreeOrTwelveMonthsIsTheMiddleBand() {
    assertThat(standing(TODAY.minusMonths(3).plusDays(1), null).band()).isEqualTo(Band.UNDER_3_MONTHS);
    assertThat(standing(TODAY.minusMonths(3), null).band()).isEqualTo(Band.FROM_3_TO_12_MONTHS);
    assertThat(standing(TODAY.minusMonths(12), null).band()).isEqualTo(Band.FROM_3_TO_12_MONTHS);
    assertThat(standing(TODAY.minusMonths(12).minusDays(1), null).band()).isEqualTo(Band.OVER_12_MONTHS);
    // At the end of February the cut is the same whichever way a month is counted.
    LocalDate leap = LocalDate.of(2024, 2, 29);
    assertThat(FROM_ORIGINAL.standing(true, LocalDate.of(2023, 2, 28), null, leap).band()).isEqualTo(Band.FROM_3_TO_12_MONTHS);
  }

  @Test
  void oneSetOfNames() {
    assertThat(Band.values()).extracting(Band::code).containsExactly("not-due", "under-3m", "3-12m", "over-12m");
    assertThat(Band.values()).extracting(Band::label)
        .containsExactly("Not yet due", "Overdue < 3 months", "Overdue 3–12 months", "Overdue > 12 months");
    assertThat(Band.OVER_12_MONTHS.phrase()).isEqualTo("overdue more than 12 months");
  }

  private static Standing standing(LocalDate original, LocalDate current) {
    return FROM_ORIGINAL.standing(true, original, current, TODAY);
  }
}
