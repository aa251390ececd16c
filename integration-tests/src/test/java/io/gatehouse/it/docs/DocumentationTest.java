package io.gatehouse.it.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Docs are part of the feature: every variable read at start and every route served is in the README. */
class DocumentationTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern VARIABLE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+_?)\"");
    private static final Pattern ROUTE = Pattern.compile("routes\\.(get|post|put|delete)\\(\"([^\"]+)\"");

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    @Test
    void everyEnvironmentVariableIsInTheConfigurationTable() throws IOException {
        Path bootstrap = ROOT.resolve("auth-bootstrap/src/main/java/io/gatehouse/bootstrap");
        String config = Files.readString(bootstrap.resolve("GatehouseConfig.java"))
                + Files.readString(bootstrap.resolve("OAuthConfig.java"));
        String table = readme().substring(readme().indexOf("## Configuration"), readme().indexOf("## API reference"));
        TreeSet<String> variables = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(config);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }

        assertTrue(variables.size() > 40, "the scan found the variables: " + variables);
        // a suffix such as CLIENT_ID is read under a documented template such as `OAUTH_<ID>_CLIENT_ID`
        List<String> missing = variables.stream()
                .filter(name -> !table.contains("`" + name) && !table.contains(">_" + name + "`"))
                .collect(Collectors.toList());
        assertEquals(List.of(), missing, "variables read but not documented");
    }

    @Test
    void everyRouteIsInTheApiReference() throws IOException {
        List<String> routes = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("adapter-http-javalin/src/main/java/io/gatehouse/adapter/http/javalin"))) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith("Routes.java")).collect(Collectors.toList())) {
                Matcher matcher = ROUTE.matcher(Files.readString(file));
                while (matcher.find()) {
                    routes.add(matcher.group(1).toUpperCase(Locale.ROOT) + " " + matcher.group(2));
                }
            }
        }
        String reference = readme().substring(readme().indexOf("## API reference"), readme().indexOf("## Embed it"));

        assertTrue(routes.size() >= 20, "the scan found the routes: " + routes);
        List<String> missing = routes.stream().filter(route -> !documented(reference, route)).collect(Collectors.toList());
        assertEquals(List.of(), missing, "routes served but not documented");
    }

    private static boolean documented(String reference, String route) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1);
        return reference.lines().anyMatch(line -> line.contains("`" + method + "`") && line.contains("`" + path + "`"));
    }
}
