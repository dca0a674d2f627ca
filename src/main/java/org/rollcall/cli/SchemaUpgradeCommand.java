package org.rollcall.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.rollcall.common.RollcallConfig;
import org.rollcall.common.db.SchemaUpgrade;

import picocli.CommandLine.Command;

@Command(name = "schema-upgrade", mixinStandardHelpOptions = true,
        description = "Bring the database schema up to date and show the database's state. Run it with the master"
                + " account when the app runs as a least-privilege user (ROLLCALL_MIGRATE_AT_START=false).")
@Dependent
public class SchemaUpgradeCommand implements Callable<Integer> {

    @Inject
    SchemaUpgrade schema;
    @Inject
    RollcallConfig config;
    @Inject
    DataSource dataSource;

    @Override
    public Integer call() throws SQLException {
        schema.upgrade();   // already done at start unless ROLLCALL_MIGRATE_AT_START=false; nothing to do then
        try (Connection connection = dataSource.getConnection()) {
            StatusReport.print(connection, config.database().description(), System.out);
        }
        return 0;
    }
}
