package com.rectify.importing;

import com.rectify.common.ApiException;
import com.rectify.common.AsApplication;
import com.rectify.common.FieldProblem;
import com.rectify.common.Today;
import com.rectify.common.UkDates;
import com.rectify.recommendation.StatusChange;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a council's tracker as it is. Every row is read and checked; when no row has an error, all rows are
 * written in one transaction. A dry run takes exactly the same path and then rolls the transaction back, so
 * a dry run that finds no error means the import will work: whatever the database or the process engine
 * would refuse, it refuses in the dry run too, named by row. A row already in the register (same audit and
 * reference, or same audit and recommendation text) is left alone, so importing the same file twice
 * changes nothing.
 */
@Service
public class ImportService {

  public static final String VIA = StatusChange.VIA_IMPORT;

  private final ImportPlanner planner;
  private final ImportWriter writer;
  private final AsApplication asApplication;
  private final TransactionTemplate transactions;
  private final Today today;

  public ImportService(ImportPlanner planner, ImportWriter writer, AsApplication asApplication,
      PlatformTransactionManager transactionManager, Today today) {
    this.planner = planner;
    this.writer = writer;
    this.asApplication = asApplication;
    this.transactions = new TransactionTemplate(transactionManager);
    this.today = today;
  }

  public ImportResult run(ImportRequest request) {
    if (request.asAt() != null && request.asAt().isAfter(today.date())) {
      throw ApiException.badRequest(List.of(new FieldProblem("asAt", "asAt " + UkDates.display(request.asAt())
          + " is after today: a sheet can show the register only as it stood on a day that has passed.")));
    }
    return transactions.execute(status -> {
      ImportPlan plan = planner.plan(request);
      if (plan.errorCount() > 0) {
        if (request.dryRun()) {
          return plan.result(request, false);
        }
        throw ApiException.badRequest(plan.problems.stream().filter(ImportProblem::isError)
            .map(p -> new FieldProblem(p.field(), p.message())).toList());
      }
      try {
        // Each row's lifecycle starts as the application: the head of audit's right to import was checked by the caller.
        asApplication.run(() -> writer.write(plan, request));
      } catch (ImportWriter.RowNotWritten e) {
        status.setRollbackOnly();
        ImportProblem problem = ImportProblem.error(e.row(), null, e.getMessage());
        if (request.dryRun()) {
          plan.problems.add(problem);
          return plan.result(request, false);
        }
        throw ApiException.badRequest(List.of(new FieldProblem(problem.field(), problem.message())));
      }
      if (request.dryRun()) {
        status.setRollbackOnly();
      }
      return plan.result(request, !request.dryRun());
    });
  }
}
