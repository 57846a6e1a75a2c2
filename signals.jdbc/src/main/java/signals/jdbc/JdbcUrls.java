package signals.jdbc;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JDBC URLs: showing them without passwords, and finding the real driver for one.
 *
 */
final class JdbcUrls {

    /*
     * Masking errs on the side of hiding too much: a URL that reaches a message is often a
     * malformed one (that is why it failed), and drivers disagree on escaping, so a password
     * is assumed to hold any character that its form allows.
     */

    // The end of "//user:secret@" is the last '@' before the first parameter ("?name=", ";name=",
    // "&name=", "(name=", ",name="): passwords hold '@', '/', ':' and '?', parameter values hold '@'.
    private static final Pattern FIRST_PARAMETER = Pattern.compile("[?;&(,][A-Za-z0-9_.-]+\\s*=");
    // "thin:scott/tiger@host" (Oracle): anything up to the '@', or a quoted password with '@' in it.
    private static final Pattern ORACLE_USER_INFO = Pattern.compile(
            "(?i)^(jdbc:(?:signals:)?oracle:[a-z0-9]+:[^/@]+/)(?:\"[^\"]*\"|[^@]*)(@|$)");
    // "nosuchdb:app/secret@host": the same shape in other drivers, stricter, as it is rarer there.
    private static final Pattern SLASHED_USER_INFO = Pattern.compile("(:[^:/@?;&=]+)/[^:/@?;&=]+@");
    private static final String SECRET_NAME = "[a-z0-9_.-]*(?:password|passwd|passphrase|passcode|pwd|secret|token"
            + "|credential)[a-z0-9_.-]*\\s*=\\s*";
    // A value that starts with a brace (SQL Server; "}}" is a brace inside) or a quote ends at the
    // closing one, whatever it holds in between; one that is never closed runs to the end of the URL.
    private static final String ENCLOSED = "(?:\\{[^}]*+(?:\\}\\}[^}]*+)*+(?:\\}|$)|\"[^\"]*+(?:\"|$)|'[^']*+(?:'|$))?";
    // "?password=", ";PASSWORD=", "&sslpassword=", ":password=" (DB2), "pwd=" and the like: up to ';' or '&'.
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([;?&:]\\s*" + SECRET_NAME + ")" + ENCLOSED + "[^;&]*");
    // "(password=secret)", "(host=h,password=secret)" (MySQL's address and key-value forms): up to ',' or ')'.
    private static final Pattern SECRET_PROPERTY = Pattern.compile(
            "(?i)([(,]\\s*" + SECRET_NAME + ")" + ENCLOSED + "[^,)]*");

    private JdbcUrls() {
    }

    /**
     * Masks the passwords in a URL, for messages and for the payload: the password of
     * {@code //user:password@host} (up to the last {@code @} before the parameters), Oracle's
     * {@code user/password@}, and the value of every parameter or property whose name contains
     * {@code password}, {@code pwd}, {@code secret}, {@code token} and the like, after
     * {@code ? ; & :} or inside {@code ( ,}; a value in braces or quotes is masked whole.
     *
     * @param url a JDBC URL, or null
     * @return the URL with every password replaced by {@code ***}; null for null
     */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        // Every new connection needs its URL masked, and an application uses a handful of URLs:
        // remembered, they cost a look-up instead of five regular expressions. Only strings are
        // kept, and only so many, so the memo can neither pin a class loader nor grow unbounded.
        String known = REDACTED.get(url);
        if (known != null) {
            return known;
        }
        String shown = mask(url);
        if (REDACTED.size() < REMEMBERED) {
            REDACTED.put(url, shown);
        }
        return shown;
    }

    private static final int REMEMBERED = 256;
    private static final Map<String, String> REDACTED = new ConcurrentHashMap<>();

    /**
     * Masks the passwords in a URL as {@link #redact} does, without its memo; package-private so
     * that tests reach the masking itself, which the memo answers for after a URL's first time.
     */
    static String mask(String url) {
        String shown = maskUserInfo(url);
        shown = ORACLE_USER_INFO.matcher(shown).replaceFirst("$1***$2");
        shown = SLASHED_USER_INFO.matcher(shown).replaceFirst("$1/***@");
        shown = SECRET_PARAMETER.matcher(shown).replaceAll("$1***");
        return SECRET_PROPERTY.matcher(shown).replaceAll("$1***");
    }

    private static String maskUserInfo(String url) {
        int authority = url.indexOf("//");
        if (authority < 0) {
            return url;
        }
        authority += 2;
        Matcher parameter = FIRST_PARAMETER.matcher(url);
        int end = parameter.find(authority) ? parameter.start() : url.length();
        int at = url.lastIndexOf('@', end);   // what is at end starts a parameter: never '@'
        int colon = url.indexOf(':', authority);
        if (at < authority || colon < 0 || colon > at) {
            return url;   // no user info, or a user name without password
        }
        return url.substring(0, colon + 1) + "***" + url.substring(at);
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
    static Driver driverFor(String url, String asked) throws SQLException {
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
