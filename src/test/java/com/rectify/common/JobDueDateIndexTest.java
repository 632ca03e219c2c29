package com.rectify.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.lifecycle.LifecycleTestSupport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The job executor's look for due jobs has its index, and no job is left without a due date for it to pass over. */
class JobDueDateIndexTest extends LifecycleTestSupport {

  @Autowired DataSource dataSource;

  @Test
  void theJobTableHasAnIndexOnTheDueDate() throws Exception {
    boolean found = false;
    try (Connection connection = dataSource.getConnection()) {
      for (String table : new String[] {"ACT_RU_JOB", "act_ru_job"}) {
        try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
          while (indexes.next()) {
            found |= JobDueDateIndex.INDEX.equalsIgnoreCase(indexes.getString("INDEX_NAME"));
          }
        }
      }
    }
    assertThat(found).isTrue();
  }

  @Test
  void everyJobHasADueDateAndOneFromBeforeIsGivenOne() {
    ProcessInstance cycle = runtimeService.startProcessInstanceByKey(LifecycleVariables.REPORTING_CYCLE_PROCESS,
        "cycle-test-" + UUID.randomUUID(), Map.of(LifecycleVariables.REPORTING_CYCLE_ID, -1L));
    try {
      Job job = managementService.createJobQuery().processInstanceId(cycle.getId()).singleResult();
      assertThat(job.getDuedate()).isNotNull();

      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      jdbc.update("update ACT_RU_JOB set DUEDATE_ = null where ID_ = ?", job.getId());
      new JobDueDateIndex().postProcessEngineBuild(processEngine);
      assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getDuedate()).isNotNull();
    } finally {
      runtimeService.deleteProcessInstance(cycle.getId(), "test over", true, true);
    }
  }
}
