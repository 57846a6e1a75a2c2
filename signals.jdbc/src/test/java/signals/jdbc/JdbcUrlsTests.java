package signals.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Password masking over the URL shapes of the usual drivers. The masked URL is the default
 * alias, the payload's url() and part of every error message, so a miss here is a leak.
 */
class JdbcUrlsTests {

    /** Every secret in the table contains this, so a test can tell that none of it is left. */
    private static final String SECRET = "ter2";

    static Stream<Arguments> urlsWithPasswords() {
        return Stream.of(
                // PostgreSQL
                shape("PostgreSQL password parameter",
                        "jdbc:postgresql://db.example.com:5432/orders?user=app&password=hunter2&ssl=true",
                        "jdbc:postgresql://db.example.com:5432/orders?user=app&password=***&ssl=true"),
                shape("PostgreSQL sslpassword parameter",
                        "jdbc:postgresql://db/orders?sslmode=verify-full&sslpassword=hunter2",
                        "jdbc:postgresql://db/orders?sslmode=verify-full&sslpassword=***"),
                shape("user info whose password has a slash",
                        "jdbc:postgresql://app:hun/ter2@db.example.com/orders",
                        "jdbc:postgresql://app:***@db.example.com/orders"),
                shape("user info whose password has an at sign",
                        "jdbc:postgresql://app:hun@ter2@db.example.com:5432/orders",
                        "jdbc:postgresql://app:***@db.example.com:5432/orders"),
                shape("user info whose password has a colon, a question mark and a semicolon",
                        "jdbc:postgresql://app:h:u?n;ter2@db.example.com/orders?ssl=true",
                        "jdbc:postgresql://app:***@db.example.com/orders?ssl=true"),
                shape("user info and an at sign in a later parameter",
                        "jdbc:postgresql://app:hun/ter2@db.example.com/orders?ApplicationName=ops@corp",
                        "jdbc:postgresql://app:***@db.example.com/orders?ApplicationName=ops@corp"),
                shape("at sign in a user parameter, password parameter after it",
                        "jdbc:postgresql://db.example.com:5432/orders?user=app@server&password=hun@ter2",
                        "jdbc:postgresql://db.example.com:5432/orders?user=app@server&password=***"),
                shape("user info with an empty user name",
                        "jdbc:postgresql://:hunter2@db/orders",
                        "jdbc:postgresql://:***@db/orders"),
                shape("malformed: user info without any scheme",
                        "//app:hunter2@db.example.com/orders",
                        "//app:***@db.example.com/orders"),
                // MySQL
                shape("MySQL user info before several hosts",
                        "jdbc:mysql://app:hunter2@db1:3306,db2:3306/orders",
                        "jdbc:mysql://app:***@db1:3306,db2:3306/orders"),
                shape("MySQL password parameter with a comma",
                        "jdbc:mysql://db:3306/orders?user=app&password=hun,ter2&useSSL=true",
                        "jdbc:mysql://db:3306/orders?user=app&password=***&useSSL=true"),
                shape("MySQL key-value host",
                        "jdbc:mysql://(host=db,user=app,password=hunter2)/orders",
                        "jdbc:mysql://(host=db,user=app,password=***)/orders"),
                shape("MySQL key-value host, password first",
                        "jdbc:mysql://(password=hunter2,host=db,port=3306)/orders",
                        "jdbc:mysql://(password=***,host=db,port=3306)/orders"),
                shape("MySQL address form",
                        "jdbc:mysql://address=(host=db)(user=app)(password=hunter2)/orders",
                        "jdbc:mysql://address=(host=db)(user=app)(password=***)/orders"),
                shape("MySQL address form, password with at sign and colon",
                        "jdbc:mysql://address=(host=db)(port=3306)(password=h:un@ter2),address=(host=db2)/orders",
                        "jdbc:mysql://address=(host=db)(port=3306)(password=***),address=(host=db2)/orders"),
                shape("MySQL key store password parameter",
                        "jdbc:mysql://db/orders?trustCertificateKeyStorePassword=hunter2",
                        "jdbc:mysql://db/orders?trustCertificateKeyStorePassword=***"),
                // MariaDB
                shape("MariaDB several hosts and password parameter",
                        "jdbc:mariadb://db1:3306,db2:3306/orders?user=app&password=hunter2&connectTimeout=5000",
                        "jdbc:mariadb://db1:3306,db2:3306/orders?user=app&password=***&connectTimeout=5000"),
                shape("MariaDB replication address form",
                        "jdbc:mariadb:replication://address=(host=db1)(type=primary),address=(host=db2)/orders"
                                + "?password=hunter2",
                        "jdbc:mariadb:replication://address=(host=db1)(type=primary),address=(host=db2)/orders"
                                + "?password=***"),
                // SQL Server
                shape("SQL Server password in braces with a semicolon",
                        "jdbc:sqlserver://db:1433;databaseName=orders;user=app;password={hun;ter2};encrypt=true",
                        "jdbc:sqlserver://db:1433;databaseName=orders;user=app;password=***;encrypt=true"),
                shape("SQL Server password in braces with an escaped brace",
                        "jdbc:sqlserver://db;password={hun}};ter2};encrypt=true",
                        "jdbc:sqlserver://db;password=***;encrypt=true"),
                shape("SQL Server password in braces, never closed",
                        "jdbc:sqlserver://db;password={hun;ter2",
                        "jdbc:sqlserver://db;password=***"),
                shape("SQL Server plain Password, any case, spaces around",
                        "jdbc:sqlserver://db;user=app; Password = hunter2;encrypt=true",
                        "jdbc:sqlserver://db;user=app; Password = ***;encrypt=true"),
                shape("SQL Server key store secret and trust store password",
                        "jdbc:sqlserver://db;keyStoreSecret=hunter2;trustStorePassword=xhunter2",
                        "jdbc:sqlserver://db;keyStoreSecret=***;trustStorePassword=***"),
                // Oracle
                shape("Oracle thin with SID",
                        "jdbc:oracle:thin:scott/hunter2@db:1521:orcl",
                        "jdbc:oracle:thin:scott/***@db:1521:orcl"),
                shape("Oracle thin, password with a colon",
                        "jdbc:oracle:thin:scott/hun:ter2@db:1521/orders",
                        "jdbc:oracle:thin:scott/***@db:1521/orders"),
                shape("Oracle thin, password with slash and semicolon, service name",
                        "jdbc:oracle:thin:scott/h/un;ter2@//db:1521/orders",
                        "jdbc:oracle:thin:scott/***@//db:1521/orders"),
                shape("Oracle thin, quoted password with an at sign",
                        "jdbc:oracle:thin:scott/\"hun@ter2\"@db:1521/orders",
                        "jdbc:oracle:thin:scott/***@db:1521/orders"),
                shape("Oracle thin with a descriptor",
                        "jdbc:oracle:thin:scott/hunter2@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1521))"
                                + "(CONNECT_DATA=(SERVICE_NAME=orders)))",
                        "jdbc:oracle:thin:scott/***@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1521))"
                                + "(CONNECT_DATA=(SERVICE_NAME=orders)))"),
                shape("Oracle OCI with a TNS alias",
                        "jdbc:oracle:oci:scott/hunter2@orders",
                        "jdbc:oracle:oci:scott/***@orders"),
                shape("Oracle without host",
                        "jdbc:oracle:thin:scott/hunter2",
                        "jdbc:oracle:thin:scott/***"),
                shape("Oracle behind the signals prefix",
                        "jdbc:signals:oracle:thin:scott/hun:ter2@db:1521/orders",
                        "jdbc:signals:oracle:thin:scott/***@db:1521/orders"),
                shape("slashed user info of another driver",
                        "jdbc:nosuchdb:thin:app/hunter2@db:1521/orders",
                        "jdbc:nosuchdb:thin:app/***@db:1521/orders"),
                // H2
                shape("H2 in memory with USER and PASSWORD",
                        "jdbc:h2:mem:orders;USER=sa;PASSWORD=hunter2",
                        "jdbc:h2:mem:orders;USER=sa;PASSWORD=***"),
                shape("H2 server with PASSWORD before another setting",
                        "jdbc:h2:tcp://localhost:9092/~/orders;PASSWORD=hunter2;MODE=PostgreSQL",
                        "jdbc:h2:tcp://localhost:9092/~/orders;PASSWORD=***;MODE=PostgreSQL"),
                // DB2 and Informix: properties after a colon
                shape("DB2 properties",
                        "jdbc:db2://db:50000/SAMPLE:user=db2inst1;password=hunter2;",
                        "jdbc:db2://db:50000/SAMPLE:user=db2inst1;password=***;"),
                shape("DB2 password as the first property",
                        "jdbc:db2://db:50000/SAMPLE:password=hunter2;",
                        "jdbc:db2://db:50000/SAMPLE:password=***;"),
                shape("Informix properties",
                        "jdbc:informix-sqli://db:9088/orders:INFORMIXSERVER=ids;user=app;password=hunter2",
                        "jdbc:informix-sqli://db:9088/orders:INFORMIXSERVER=ids;user=app;password=***"),
                // Others
                shape("Snowflake password and token",
                        "jdbc:snowflake://acct.snowflakecomputing.com/?user=app&password=hunter2&token=xhunter2",
                        "jdbc:snowflake://acct.snowflakecomputing.com/?user=app&password=***&token=***"),
                shape("pwd abbreviation",
                        "jdbc:odbc:orders;UID=app;PWD=hunter2",
                        "jdbc:odbc:orders;UID=app;PWD=***"));
    }

    static Stream<Arguments> urlsWithoutPasswords() {
        return Stream.of(
                shape("PostgreSQL", "jdbc:postgresql://db.example.com:5432/orders?ApplicationName=ops&ssl=true"),
                shape("PostgreSQL with an encoded at sign in the user",
                        "jdbc:postgresql://db/orders?user=app%40corp"),
                shape("PostgreSQL with user info but no password", "jdbc:postgresql://app@db/orders"),
                shape("MySQL", "jdbc:mysql://db:3306/orders?useSSL=true&serverTimezone=UTC"),
                shape("MySQL key-value host", "jdbc:mysql://(host=db,port=3306,user=app)/orders"),
                shape("MariaDB address form", "jdbc:mariadb://address=(host=db)(port=3306)(type=primary)/orders"),
                shape("SQL Server", "jdbc:sqlserver://db:1433;databaseName=orders;encrypt=true"),
                shape("Oracle thin with SID", "jdbc:oracle:thin:@db:1521:orcl"),
                shape("Oracle thin with service name", "jdbc:oracle:thin:@//db:1521/orders"),
                shape("Oracle thin with a wallet", "jdbc:oracle:thin:/@orders_wallet"),
                shape("H2 in memory", "jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1"),
                shape("H2 server", "jdbc:h2:tcp://localhost:9092/~/orders"),
                shape("DB2", "jdbc:db2://db:50000/SAMPLE:currentSchema=ORDERS;"),
                shape("SQLite", "jdbc:sqlite:/var/data/orders.db"),
                shape("signals prefix", "jdbc:signals:postgresql://db/orders?ApplicationName=ops"));
    }

    // Each shape is checked on mask as well as redact: redact remembers what it masked, in a
    // static memo, so after a URL's first time in a JVM it no longer runs the masking at all.

    @ParameterizedTest(name = "{0}")
    @MethodSource("urlsWithPasswords")
    void passwordIsMaskedWholeAndTheRestOfTheUrlKept(String shape, String url, String expected) {
        String masked = JdbcUrls.mask(url);
        String shown = JdbcUrls.redact(url);

        assertEquals(expected, masked, shape);
        assertEquals(expected, shown, shape);
        assertFalse(shown.contains(SECRET), shown);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urlsWithoutPasswords")
    void urlWithoutPasswordIsLeftAsItIs(String shape, String url) {
        assertEquals(url, JdbcUrls.mask(url), shape);
        assertEquals(url, JdbcUrls.redact(url), shape);
    }

    @Test
    void nullStaysNull() {
        assertNull(JdbcUrls.redact(null));
    }

    private static Arguments shape(String shape, String url, String expected) {
        return Arguments.of(shape, url, expected);
    }

    private static Arguments shape(String shape, String url) {
        return Arguments.of(shape, url);
    }
}
