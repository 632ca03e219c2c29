package com.rectify.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.importing.ImportRequest;
import com.rectify.importing.ImportResult;
import com.rectify.importing.ImportService;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Seven recommendations of one new service, imported from a sheet, with target dates set around today so that
 * each overdue band holds a known few. Its own service code keeps other tests' recommendations out of its counts.
 *
 * <pre>
 * 1 Essential  10 days overdue            lead officer Mandy Beever
 * 2 High       5 months overdue
 * 3 High       14 months overdue
 * 4 Medium     due in a month
 * 5 Low        not yet agreed, no date
 * 6 High       implemented 40 days ago, by its target date
 * 7 Medium     due in two months; its text begins with a formula
 * </pre>
 */
public final class SampleRegister {

  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  public final String service;
  public final String audit;
  public final LocalDate today;
  public final Map<String, Recommendation> byReference = new LinkedHashMap<>();

  private SampleRegister(String service, String audit, LocalDate today) {
    this.service = service;
    this.audit = audit;
    this.today = today;
  }

  public static SampleRegister importInto(ImportService imports, RecommendationRepository recommendations, LocalDate today) {
    return importInto(imports, recommendations, today, null);
  }

  /** The sample in the given service, or in a service of its own when none is given. */
  public static SampleRegister importInto(ImportService imports, RecommendationRepository recommendations, LocalDate today,
      String service) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    SampleRegister sample = new SampleRegister(service != null ? service : "svc-" + tag, "REG-" + tag, today);
    String csv = "Ref,Recommendation,Grade,Officer Responsible,Target Date,Agreed Action\n"
        + "1,Bank reconciliations must be reviewed monthly.,Essential,Mandy Beever," + uk(today.minusDays(10)) + ",Reviewed monthly\n"
        + "2,Leavers must be removed from payroll on their last day.,High,Head of Payroll," + uk(today.minusMonths(5)) + ",HR to notify payroll\n"
        + "3,Purchase cards need a named budget holder.,High,Head of Payroll," + uk(today.minusMonths(14)) + ",Budget holders named\n"
        + "4,Petty cash must be counted weekly.,Medium,Head of Payroll," + uk(today.plusMonths(1)) + ",Weekly count\n"
        + "5,Asset register must be reconciled yearly.,Low,Head of Payroll,,\n"
        + "6,Supplier changes must be verified by call back.,High,Head of Payroll," + uk(today.minusDays(40)) + " Complete,Call back done\n"
        + "7,\"=HYPERLINK(\"\"http://attacker.example\"\",\"\"click\"\") must never run.\",Medium,Head of Payroll,"
        + uk(today.plusMonths(2)) + ",Cells neutralised\n";
    ImportResult result = imports.run(new ImportRequest("sample.csv", csv.getBytes(StandardCharsets.UTF_8), false, sample.audit,
        "Sample audit " + tag, sample.service, null, null, null, "helen"));
    assertThat(result.errorCount()).as("sample sheet imports cleanly").isZero();
    assertThat(result.created()).isEqualTo(7);
    for (int i = 1; i <= 7; i++) {
      sample.byReference.put(String.valueOf(i), recommendations.findByBusinessKey(sample.audit + "/" + i).orElseThrow());
    }
    return sample;
  }

  public Long id(String reference) {
    return byReference.get(reference).getId();
  }

  private static String uk(LocalDate date) {
    return UK.format(date);
  }
}
