package com.rectify.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.RectifyApplicationTest;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many identity values each database keeps in hand for the register's tables (V7, db/vendor): a thousand on
 * H2, which writes its whole store each time it takes more; one on PostgreSQL, whose cache is per connection and
 * would give ids out of the order rows are written in, the order the change record's chain is read in.
 */
@RectifyApplicationTest
class IdentityCacheTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyRegisterTableKeepsTheCacheItsDatabaseNeeds() throws Exception {
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    }
    List<Map<String, Object>> caches = product.equals("H2")
        ? jdbc.queryForList("select table_name as name, identity_cache as cache from information_schema.columns"
            + " where table_schema = 'PUBLIC' and is_identity = 'YES' and table_name not like 'ACT\\_%'")
        : jdbc.queryForList("select replace(sequencename, '_id_seq', '') as name, cache_size as cache from pg_sequences"
            + " where schemaname = current_schema()");
    long expected = product.equals("H2") ? 1000 : 1;

    assertThat(caches).extracting(row -> row.get("name").toString().toLowerCase())
        .contains("recommendation", "change_record", "outbound_mail");
    assertThat(caches).allSatisfy(row -> assertThat(((Number) row.get("cache")).longValue())
        .as("identity cache of %s", row.get("name")).isEqualTo(expected));
  }
}
