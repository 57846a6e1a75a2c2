package signals.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 item 16: the Surefire {@code argLine} that {@code signals.test/README.md} tells a user
 * to copy is, word for word, the one this module's module-path run uses, with the placeholders
 * filled in; {@link SignalsTestConsumerTests} shows that it works.
 */
class DocumentedArgLineTests {

    @Test
    void theReadmesArgLineIsTheOneThisConsumerRunsWith() throws IOException {
        String readme = Files.readString(Path.of("..", "signals.test", "README.md"));
        String pom = Files.readString(Path.of("pom.xml"));

        List<String> documented = new ArrayList<>();
        for (String flag : argLine(readme, 0)) {
            documented.add(flag.replace("your.module/your.package", "signals.it/signals.it")
                    .replace("your.module", "signals.it"));
        }
        List<String> used = argLine(pom, pom.indexOf("<id>default-test</id>"));

        assertTrue(documented.contains("--add-reads signals.it=signals.test"), documented::toString);
        assertEquals(documented, used);
    }

    // The trimmed lines of the first <argLine> at or after the given index.
    private static List<String> argLine(String text, int from) {
        int start = text.indexOf("<argLine>", from);
        int end = text.indexOf("</argLine>", start);
        assertTrue(start >= 0 && end > start, "no <argLine> after index " + from);
        List<String> flags = new ArrayList<>();
        for (String line : text.substring(start + "<argLine>".length(), end).split("\n")) {
            if (!line.isBlank()) {
                flags.add(line.strip());
            }
        }
        return flags;
    }
}
