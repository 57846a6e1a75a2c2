package signals.jdbc.internal;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.regex.Pattern;
import signals.jdbc.SignalsDriver;

/**
 * JDBC URLs: showing them without passwords, and finding the real driver for one.
 *
 * @since 0.1
 */
public final class JdbcUrls {

    // "//user:secret@host" (PostgreSQL, MySQL, most URLs shaped like http ones).
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?;&]*):[^@/?;&]*@");
    // "thin:scott/tiger@host" (Oracle).
    private static final Pattern SLASHED_USER_INFO = Pattern.compile("(:[^:/@?;&=]+)/[^:/@?;&=]+@");
    // "?password=secret", ";PASSWORD=secret", "&sslpassword=secret", "pwd=secret" and the like.
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([;?&:][a-z0-9_.-]*(?:password|passwd|pwd|secret|token)[a-z0-9_.-]*=)[^;&]*");

    private JdbcUrls() {
    }

    /**
     * Masks the passwords in a URL, for messages and for the payload.
     *
     * @param url a JDBC URL, or null
     * @return the URL with every password replaced by {@code ***}; null for null
     */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String shown = USER_INFO.matcher(url).replaceFirst("$1:***@");
        shown = SLASHED_USER_INFO.matcher(shown).replaceFirst("$1/***@");
        return SECRET_PARAMETER.matcher(shown).replaceAll("$1***");
    }

    /**
     * Finds the registered driver, other than {@link SignalsDriver}, that accepts a URL: what
     * {@link DriverManager#getConnection(String)} would use, without ever choosing this module's
     * own driver, which would call itself.
     *
     * @param url the target URL, without the {@code jdbc:signals:} prefix
     * @param asked the URL the application asked for, to name in the error
     * @return the driver
     * @throws SQLException if no driver accepts the URL, naming both URLs without passwords
     */
    public static Driver driverFor(String url, String asked) throws SQLException {
        SQLException refusal = null;
        for (Enumeration<Driver> drivers = DriverManager.getDrivers(); drivers.hasMoreElements(); ) {
            Driver driver = drivers.nextElement();
            if (driver instanceof SignalsDriver) {
                continue;
            }
            try {
                if (driver.acceptsURL(url)) {
                    return driver;
                }
            } catch (SQLException e) {
                // A driver that cannot even judge the URL is not the one; remember why, in case none is.
                if (refusal == null) {
                    refusal = e;
                }
            }
        }
        String target = redact(url);
        String shown = redact(asked);
        throw new SQLException("no JDBC driver accepts " + target
                + (shown.equals(target) ? "" : " (from " + shown + ")")
                + "; put the database's JDBC driver on the class path or module path", "08001", refusal);
    }
}
