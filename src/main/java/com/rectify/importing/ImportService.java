package com.rectify.importing;

import com.rectify.common.AsApplication;
import com.rectify.common.ApiException;
import com.rectify.common.FieldProblem;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a council's tracker as it is. First every row is read and checked without writing anything; a dry
 * run stops there. A real import then writes all rows in one transaction, or none when any row has an
 * error. A row already in the register (same audit and reference, or same audit and recommendation text)
 * is left alone, so importing the same file twice changes nothing.
 */
@Service
public class ImportService {

  public static final String VIA = "import";

  private final ImportPlanner planner;
  private final ImportWriter writer;
  private final AsApplication asApplication;

  public ImportService(ImportPlanner planner, ImportWriter writer, AsApplication asApplication) {
    this.asApplication = asApplication;
    this.planner = planner;
    this.writer = writer;
  }

  @Transactional
  public ImportResult run(ImportRequest request) {
    ImportPlan plan = planner.plan(request);
    if (request.dryRun()) {
      return plan.result(request, false);
    }
    if (plan.errorCount() > 0) {
      List<FieldProblem> errors = plan.problems.stream().filter(ImportProblem::isError)
          .map(p -> new FieldProblem(p.field(), p.message())).toList();
      throw ApiException.badRequest(errors);
    }
    // Each row's lifecycle starts as the application: the head of audit's right to import was checked by the caller.
    asApplication.run(() -> writer.write(plan, request));
    return plan.result(request, true);
  }
}
