package org.rollcall.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.rollcall.common.RollcallConfig;

import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show which database is selected, its schema version and what it holds.")
@Dependent
public class StatusCommand implements Callable<Integer> {

    @Inject
    RollcallConfig config;
    @Inject
    DataSource dataSource;

    /** Run in the application only when started so from code: the command line runs {@link StatusReport} without it. */
    @Override
    public Integer call() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            StatusReport.print(connection, config.database().description(), System.out);
        }
        return 0;
    }
}
