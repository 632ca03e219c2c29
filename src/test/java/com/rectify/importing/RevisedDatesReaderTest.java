package com.rectify.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.rectify.importing.RevisedDates.Revision;
import com.rectify.importing.RevisedDates.Step;
import com.rectify.importing.RevisedDates.Warning;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Revised target dates read from the narrative of a row of a council's annex, as pasted from Word or typed. */
class RevisedDatesReaderTest {

  private static final String ANNEX_HTML = "<p>Work has started on the new procedure.</p>"
      + "<p><strong>Revised target date:</strong> 31<sup>st</sup>&nbsp;January 2025</p>"
      + "<p>Revised target dates from previous reporting cycles:</p>"
      + "<ul><li>October 2024 &ndash; TBC</li>"
      + "<li>July 2024 &ndash; 31 July 2024, then 1 Sep 2024</li>"
      + "<li>March 2024 &ndash; 31 March 2024</li></ul>";

  private static final String ANNEX_PLAIN = "Work has started on the new procedure. Revised target date: 31st January 2025 "
      + "Revised target dates from previous reporting cycles: • October 2024 – TBC • July 2024 – 31 July 2024, then 1 Sep 2024 "
      + "• March 2024 – 31 March 2024";

  private static final List<Revision> ANNEX_EARLIER = List.of(
      new Revision("March 2024", LocalDate.of(2024, 3, 31), "March 2024 – 31 March 2024"),
      new Revision("July 2024", LocalDate.of(2024, 7, 31), "July 2024 – 31 July 2024, then 1 Sep 2024"),
      new Revision("July 2024", LocalDate.of(2024, 9, 1), "July 2024 – 31 July 2024, then 1 Sep 2024"),
      new Revision("October 2024", null, "October 2024 – TBC"));

  private static LocalDate current(String narrative) {
    RevisedDates read = RevisedDatesReader.read(narrative);
    assertThat(read.warnings()).isEmpty();
    return read.current().orElseThrow().date();
  }

  @Test
  void anAnnexRowPastedFromWordGivesTheCurrentDateAndEveryEarlierOneOldestFirst() {
    RevisedDates read = RevisedDatesReader.read(ANNEX_HTML);

    assertThat(read.current()).contains(new Revision(null, LocalDate.of(2025, 1, 31), "Revised target date: 31st January 2025"));
    assertThat(read.earlier()).containsExactlyElementsOf(ANNEX_EARLIER);
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void theSameRowTypedOnOneLineWithBulletsReadsTheSame() {
    RevisedDates read = RevisedDatesReader.read(ANNEX_PLAIN);

    assertThat(read.current()).contains(new Revision(null, LocalDate.of(2025, 1, 31), "Revised target date: 31st January 2025"));
    assertThat(read.earlier()).containsExactlyElementsOf(ANNEX_EARLIER);
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void aNarrativeWithNoRevisedDateGivesNothingAndNoWarning() {
    assertThat(RevisedDatesReader.read("Policy drafted; awaiting sign-off by the Director in March 2025.")).isEqualTo(RevisedDates.NONE);
    assertThat(RevisedDatesReader.read("<p>Complete &ndash; evidence sent 3/4/2024</p>")).isEqualTo(RevisedDates.NONE);
    assertThat(RevisedDatesReader.read(null)).isEqualTo(RevisedDates.NONE);
    assertThat(RevisedDatesReader.read("  ")).isEqualTo(RevisedDates.NONE);
    assertThat(RevisedDates.NONE.isEmpty()).isTrue();
  }

  @Test
  void aRevisedDateMentionedInPassingIsNotAHeading() {
    assertThat(RevisedDatesReader.read("The revised date was missed because the officer left.")).isEqualTo(RevisedDates.NONE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Revised target date: 1st March 2025                   | 2025-03-01
      Revised target date: 2<sup>nd</sup> March 2025        | 2025-03-02
      Revised target date: 3 <sup>rd</sup> of March 2025    | 2025-03-03
      Revised target date: 31<SUP>ST</SUP> May 2025         | 2025-05-31
      Revised target date: 22nd Feb 2025                    | 2025-02-22
      Revised target date: March 4th, 2025                  | 2025-03-04
      Revised target date: 1 SEPT 2024                      | 2024-09-01
      Revised target date: 1 Sept. 2024                     | 2024-09-01
      Revised target date: 30-Jun-25                        | 2025-06-30
      """)
  void ordinalsAndMonthNamesAreRead(String narrative, LocalDate expected) {
    assertThat(current(narrative)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Revised target date: 31/03/2024  | 2024-03-31
      Revised target date: 31.03.24    | 2024-03-31
      Revised target date: 1/3/2024    | 2024-03-01
      Revised target date: 05-11-2024  | 2024-11-05
      Revised target date: 2024-03-31  | 2024-03-31
      """)
  void numericDatesAreDayFirstAndTwoDigitYearsThisCentury(String narrative, LocalDate expected) {
    assertThat(current(narrative)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Revised target date: March 2025          | 2025-03-31
      Revised target date: February 2024       | 2024-02-29
      Revised target date: end of June 2025    | 2025-06-30
      Revised target date: Sep-24              | 2024-09-30
      Revised target date: Mar &#39;25         | 2025-03-31
      Revised target date: by the end of November 2024 | 2024-11-30
      """)
  void aMonthAndYearMeansTheLastDayOfThatMonth(String narrative, LocalDate expected) {
    assertThat(current(narrative)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Revised target date: TBC
      Revised target date: T.B.C.
      Revised target date - to be confirmed
      Revised target date: tba
      """)
  void toBeConfirmedIsAnAgreedRevisionWithNoDate(String narrative) {
    RevisedDates read = RevisedDatesReader.read(narrative);
    assertThat(read.warnings()).isEmpty();
    assertThat(read.current().orElseThrow().isTbc()).isTrue();
    assertThat(read.current().orElseThrow().words()).isEqualTo(narrative);
  }

  @Test
  void wordsThatAreNotADateGiveAWarningKeepingThemAndNothingInvented() {
    RevisedDates read = RevisedDatesReader.read("<p>Revised target date: end of spring</p><p>Officer on leave.</p>");

    assertThat(read.current()).isEmpty();
    assertThat(read.earlier()).isEmpty();
    assertThat(read.warnings()).containsExactly(new Warning("Revised target date: end of spring", "\"end of spring\" is not a date"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      Revised target date: 31st January                 | "31st January" gives no year
      Revised target date: 31/02/2024                   | "31/02/2024" is not a day in the calendar
      Revised target date: March 24                     | "March 24" could be a day of that month or a year
      Revised target date: 31 March 2025 subject to funding | "31 March 2025 subject to funding" is not a date
      Revised target date: 30 June 2025, then sometime in autumn | "sometime in autumn" is not a date
      """)
  void datesThatCannotBeReadForSureAreWarnedAboutNotGuessed(String narrative, String problem) {
    RevisedDates read = RevisedDatesReader.read(narrative);

    assertThat(read.current()).isEmpty();
    assertThat(read.earlier()).isEmpty();
    assertThat(read.warnings()).containsExactly(new Warning(narrative, problem));
  }

  @Test
  void aThenChainInOneCycleGivesTwoRevisionsInTheOrderWritten() {
    RevisedDates read = RevisedDatesReader.read(
        "Revised target dates from previous reporting cycles:\nJuly 2024 - 31 July 2024 then 01/09/2024 and then TBC");

    assertThat(read.earlier()).extracting(Revision::date).containsExactly(LocalDate.of(2024, 7, 31), LocalDate.of(2024, 9, 1), null);
    assertThat(read.earlier()).extracting(Revision::cycle).containsOnly("July 2024");
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void cycleNamesAsCouncilsWriteThemPutTheCyclesInOrder() {
    RevisedDates read = RevisedDatesReader.read("""
        Revised target dates from previous reporting cycles:
        - Q3 2024/25 - 31/03/2025
        * September 2024 Audit Committee: 31.12.24
        - March 2024 cycle – 30 June 2024
        - Q4 2024/25 – TBC
        """);

    assertThat(read.earlier()).containsExactly(
        new Revision("March 2024 cycle", LocalDate.of(2024, 6, 30), "March 2024 cycle – 30 June 2024"),
        new Revision("September 2024 Audit Committee", LocalDate.of(2024, 12, 31), "September 2024 Audit Committee: 31.12.24"),
        new Revision("Q3 2024/25", LocalDate.of(2025, 3, 31), "Q3 2024/25 - 31/03/2025"),
        new Revision("Q4 2024/25", null, "Q4 2024/25 – TBC"));
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void cyclesListedOldestFirstStayInThatOrderAndBreaksOrParagraphsSeparateThem() {
    RevisedDates read = RevisedDatesReader.read(
        "Revised target dates from previous reporting cycles:<br>March 2024 &ndash; 31 March 2024<br/>"
            + "<div>July 2024: 31/07/2024</div><p>October 2024&mdash;to be confirmed</p>");

    assertThat(read.earlier()).extracting(Revision::cycle).containsExactly("March 2024", "July 2024", "October 2024");
    assertThat(read.earlier()).extracting(Revision::date).containsExactly(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 7, 31), null);
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void anEntryThatCannotBeReadIsWarnedAboutAndTheOthersAreRead() {
    RevisedDates read = RevisedDatesReader.read("""
        Revised target dates from previous reporting cycles:
        • October 2024 – when the new system is live
        • July 2024 – 31 July 2024
        """);

    assertThat(read.earlier()).containsExactly(new Revision("July 2024", LocalDate.of(2024, 7, 31), "July 2024 – 31 July 2024"));
    assertThat(read.warnings()).containsExactly(
        new Warning("October 2024 – when the new system is live", "\"when the new system is live\" is not a date"));
  }

  @Test
  void cyclesWhoseNamesGiveNoMonthAreTakenAsWrittenWithAWarning() {
    RevisedDates read = RevisedDatesReader.read(
        "Revised target dates from previous reporting cycles: • Spring committee – 30/06/2024 • Autumn committee – 31/12/2024");

    assertThat(read.earlier()).extracting(Revision::date).containsExactly(LocalDate.of(2024, 6, 30), LocalDate.of(2024, 12, 31));
    assertThat(read.warnings()).containsExactly(new Warning("Spring committee – 30/06/2024\nAutumn committee – 31/12/2024",
        "which of these reporting cycles came first is not clear; they are taken oldest first as written"));
  }

  @Test
  void cyclesSomeWithoutAMonthFollowTheDirectionTheOthersShow() {
    RevisedDates read = RevisedDatesReader.read("Revised target dates from previous reporting cycles: • October 2024 – TBC "
        + "• Extraordinary committee – 30/09/2024 • March 2024 – 31 March 2024");

    assertThat(read.earlier()).extracting(Revision::cycle).containsExactly("March 2024", "Extraordinary committee", "October 2024");
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void theListEndsAtTheFirstLineWithNoDateAndSaysNothingOfTheRest() {
    RevisedDates read = RevisedDatesReader.read(
        "Revised target dates from previous reporting cycles:\nMarch 2024 – 31 March 2024\nThe team has been restructured.\n"
            + "Internal audit will follow up at the next cycle.");

    assertThat(read.earlier()).containsExactly(new Revision("March 2024", LocalDate.of(2024, 3, 31), "March 2024 – 31 March 2024"));
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void aListThatSaysNoneGivesNothingAndNoWarning() {
    assertThat(RevisedDatesReader.read("Revised target dates from previous reporting cycles: None")).isEqualTo(RevisedDates.NONE);
    assertThat(RevisedDatesReader.read("<p>Revised target dates from previous reporting cycles:</p><p>N/A</p>")).isEqualTo(RevisedDates.NONE);
  }

  @Test
  void aListHeadingFollowedByNoDatesIsWarnedAbout() {
    RevisedDates read = RevisedDatesReader.read("Revised target dates from previous reporting cycles: see the March report");

    assertThat(read.warnings()).containsExactly(new Warning(
        "Revised target dates from previous reporting cycles: see the March report", "no dates follow it that can be read"));
  }

  @Test
  void theDateMayStandOnTheParagraphAfterItsHeading() {
    RevisedDates read = RevisedDatesReader.read("<p>Revised target date:</p><p>30&nbsp;June&nbsp;2025</p>");

    assertThat(read.current()).contains(new Revision(null, LocalDate.of(2025, 6, 30), "Revised target date: 30 June 2025"));
  }

  @Test
  void aSentenceAfterTheDateIsNarrativeNotPartOfIt() {
    RevisedDates read = RevisedDatesReader.read(
        "Revised target date: 31 March 2025. Management expect the review to finish by then; 3 posts are filled.");

    assertThat(read.current()).contains(new Revision(null, LocalDate.of(2025, 3, 31), "Revised target date: 31 March 2025"));
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void theDateMayBeJoinedWithIsAndTheKindOfDateMayBeNamed() {
    assertThat(current("The revised target date is 30 June 2025.")).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(current("Revised implementation date 31/10/2024")).isEqualTo(LocalDate.of(2024, 10, 31));
  }

  @Test
  void aChainAfterTheCurrentHeadingEndsAtTheCurrentDateAndKeepsTheOneBefore() {
    RevisedDates read = RevisedDatesReader.read("Revised target date: 31 December 2024, then 31 March 2025");

    String words = "Revised target date: 31 December 2024, then 31 March 2025";
    assertThat(read.earlier()).containsExactly(new Revision(null, LocalDate.of(2024, 12, 31), words));
    assertThat(read.current()).contains(new Revision(null, LocalDate.of(2025, 3, 31), words));
  }

  @Test
  void twoDifferentCurrentDatesAreWarnedAboutAndNeitherIsTaken() {
    RevisedDates read = RevisedDatesReader.read(
        "<p>Revised target date: 30 June 2024</p><p>Update September 2024.</p><p>Revised target date: 31/12/2024</p>");

    assertThat(read.current()).isEmpty();
    assertThat(read.warnings()).containsExactly(new Warning("Revised target date: 30 June 2024\nRevised target date: 31/12/2024",
        "more than one revised target date is given; none is taken as the current one"));
  }

  @Test
  void theSameCurrentDateWrittenTwiceIsOneDate() {
    assertThat(current("Revised target date: 30 June 2024. Revised target date: 30/06/2024")).isEqualTo(LocalDate.of(2024, 6, 30));
  }

  @Test
  void scriptsAndStylesPastedWithTheTextAreNotRead() {
    RevisedDates read = RevisedDatesReader.read("<style>p { margin: 0 }</style><script>var d = 'Revised target date: 1/1/2030'</script>"
        + "<p>Revised target date: 31<sup>st</sup> May 2025</p>");

    assertThat(read.current().orElseThrow().date()).isEqualTo(LocalDate.of(2025, 5, 31));
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void aFiftyThousandCharacterNarrativeIsReadQuickly() {
    StringBuilder narrative = new StringBuilder();
    int update = 0;
    while (narrative.length() < 24_000) {
      narrative.append("<p>Update ").append(++update).append(": the service reviewed the control on 3/4/2024 and agreed. </p>");
    }
    narrative.append(ANNEX_HTML);
    while (narrative.length() < 50_000) {
      narrative.append("<p>Further narrative without dates &amp; without headings, repeated for length.</p>");
    }
    String text = narrative.toString();
    assertThat(text.length()).isGreaterThanOrEqualTo(50_000);

    RevisedDates read = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> RevisedDatesReader.read(text));

    assertThat(read.current().orElseThrow().date()).isEqualTo(LocalDate.of(2025, 1, 31));
    assertThat(read.earlier()).containsExactlyElementsOf(ANNEX_EARLIER);
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void aLongLineWithAHeadingAndNoSentenceEndIsStillReadQuickly() {
    String text = "Revised target date: " + "no date yet ".repeat(4_000) + "Revised target date: 31 May 2025";

    RevisedDates read = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> RevisedDatesReader.read(text));

    assertThat(read.warnings()).hasSize(1);
    assertThat(read.current()).contains(new Revision(null, LocalDate.of(2025, 5, 31), "Revised target date: 31 May 2025"));
  }

  @Test
  void stepsRunFromTheOriginalDateThroughEveryRevisionToTheCurrentOne() {
    List<Step> steps = RevisedDatesReader.read(ANNEX_HTML).steps(LocalDate.of(2024, 3, 31));

    String july = "July 2024 – 31 July 2024, then 1 Sep 2024";
    assertThat(steps).containsExactly(
        new Step(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 7, 31), "July 2024", july),
        new Step(LocalDate.of(2024, 7, 31), LocalDate.of(2024, 9, 1), "July 2024", july),
        new Step(LocalDate.of(2024, 9, 1), null, "October 2024", "October 2024 – TBC"),
        new Step(null, LocalDate.of(2025, 1, 31), null, "Revised target date: 31st January 2025"));
  }

  @Test
  void stepsStartFromAnEarlierOriginalDateWithTheFirstListedCycle() {
    List<Step> steps = RevisedDatesReader.read(ANNEX_HTML).steps(LocalDate.of(2023, 12, 31));

    assertThat(steps).first().isEqualTo(
        new Step(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 3, 31), "March 2024", "March 2024 – 31 March 2024"));
    assertThat(steps).hasSize(5);
  }

  @Test
  void aCurrentDateRepeatingTheLastListedRevisionIsNotASecondStep() {
    RevisedDates read = RevisedDatesReader.read(
        "Revised target date: 30/09/2024\nRevised target dates from previous reporting cycles:\n• July 2024 – 30 September 2024");

    assertThat(read.steps(LocalDate.of(2024, 6, 30))).containsExactly(
        new Step(LocalDate.of(2024, 6, 30), LocalDate.of(2024, 9, 30), "July 2024", "July 2024 – 30 September 2024"));
  }

  @Test
  void stepsOfOnlyACurrentDateOrOfNothing() {
    RevisedDates read = RevisedDatesReader.read("Revised target date: TBC");

    assertThat(read.steps(LocalDate.of(2024, 6, 30))).containsExactly(new Step(LocalDate.of(2024, 6, 30), null, null, "Revised target date: TBC"));
    assertThat(read.steps(null)).isEmpty();
    assertThat(RevisedDates.NONE.steps(LocalDate.of(2024, 6, 30))).isEmpty();
  }

  @Test
  void theCurrentDateIsOptionalAndTheListAloneGivesTheSteps() {
    RevisedDates read = RevisedDatesReader.read("Revised target dates from previous reporting cycles: • Sep-24 cycle - 31/10/24");

    assertThat(read.current()).isEqualTo(Optional.empty());
    assertThat(read.steps(LocalDate.of(2024, 9, 30))).containsExactly(
        new Step(LocalDate.of(2024, 9, 30), LocalDate.of(2024, 10, 31), "Sep-24 cycle", "Sep-24 cycle - 31/10/24"));
  }
}
