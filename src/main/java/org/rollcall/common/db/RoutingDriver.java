package org.rollcall.common.db;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The datasource's driver class is fixed when the application is built, but the database is
 * chosen when it starts. This driver hands each URL to H2 or MySQL Connector/J by its prefix.
 */
public final class RoutingDriver implements Driver {

    private static final Driver H2 = new org.h2.Driver();
    private static final Driver MYSQL = mysql();

    static {
        try {
            DriverManager.registerDriver(new RoutingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Driver mysql() {
        try {
            return new com.mysql.cj.jdbc.Driver();
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Driver delegate(String url) {
        if (url == null) {
            return null;
        }
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:mysql:")) {
            return MYSQL;
        }
        return null;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Driver driver = delegate(url);
        return driver == null ? null : driver.connect(url, info);
    }

    @Override
    public boolean acceptsURL(String url) {
        return delegate(url) != null;
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Driver driver = delegate(url);
        return driver == null ? new DriverPropertyInfo[0] : driver.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
