package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * signals.spring's README section "With Spring Boot" shows this application's own code: each Java
 * snippet must appear in its sources and each XML snippet in its pom, line for line (indentation
 * aside), so that the README cannot drift from what the tests run.
 */
class ReadmeSnippetsTests {

    private static final Path README = Path.of("../../signals.spring/README.md");
    private static final Pattern SNIPPET = Pattern.compile("```(java|xml)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everySnippetOfTheReadmeIsTheApplicationsOwnCode() throws IOException {
        String java;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            java = normalized(sources.filter(p -> p.toString().endsWith(".java")).map(ReadmeSnippetsTests::read)
                    .collect(Collectors.joining("\n")));
        }
        String pom = normalized(read(Path.of("pom.xml")));
        Matcher snippets = SNIPPET.matcher(Files.readString(README));
        List<String> missing = new ArrayList<>();
        int count = 0;
        while (snippets.find()) {
            count++;
            String snippet = normalized(snippets.group(2));
            if (!(snippets.group(1).equals("java") ? java : pom).contains(snippet)) {
                missing.add(snippets.group(2));
            }
        }
        assertTrue(count >= 4, "expected the README's snippets, found " + count);
        assertTrue(missing.isEmpty(), () -> "not in the application's code:\n" + String.join("\n---\n", missing));
    }

    private static String normalized(String text) {
        return text.lines().map(String::strip).collect(Collectors.joining("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
