package io.gatehouse.bootstrap;

import java.util.List;

/**
 * The configuration cannot work: every problem found, each naming its setting and what is accepted, so that one
 * start-up shows everything to fix. Messages never contain a secret's value.
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super("Gatehouse cannot start:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
