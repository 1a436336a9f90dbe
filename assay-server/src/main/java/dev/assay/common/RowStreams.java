package dev.assay.common;

import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a query and hands its rows to a consumer one by one, fetching {@value #FETCH_SIZE} rows at
 * a time through a server-side cursor, so memory stays constant whatever the row count. The cursor
 * needs a transaction: call it from a {@code @Transactional(readOnly = true)} service method.
 */
@Component
public class RowStreams {
    static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;

    RowStreams(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
    }

    public <T> void forEach(Where where, String sql, RowMapper<T> mapper, Consumer<T> sink) {
        where.bind(jdbc.sql(sql)).query(rs -> {
            sink.accept(mapper.mapRow(rs, 0));
        });
    }
}
