package org.shouwang.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The least-privileged role (SELECT and INSERT on the log only) that migration V2 creates as {@code
 * <database>_audit_app}; every transaction of the service switches to it with {@code SET LOCAL
 * ROLE}, so the service's own statements cannot change the log even by mistake.
 *
 * @param name the role, or {@code null} to run as the login user (the role could not be created)
 */
public record DatabaseRole(String name) {

  /** Runs as the login user. */
  public static final DatabaseRole LOGIN_USER = new DatabaseRole(null);

  /** The database's audit role if it exists and the login user may use it. */
  public static DatabaseRole detect(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(AuditSql.AUDIT_ROLE)) {
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? new DatabaseRole(rs.getString(1)) : LOGIN_USER;
      }
    }
  }

  /** Starts a transaction on the connection, as the role. */
  public void begin(Connection connection, boolean readOnly) throws SQLException {
    connection.setAutoCommit(false);
    if (readOnly) {
      try (Statement s = connection.createStatement()) {
        s.execute(AuditSql.READ_ONLY_SNAPSHOT);
      }
    }
    if (name != null) {
      try (Statement s = connection.createStatement()) {
        s.execute(AuditSql.setRole(name));
      }
    }
  }
}
