package io.gatehouse.benchmarks.report;

/** One line of the budget: what was asked, what was measured, and whether it holds. */
public record Verdict(String budget, String target, String measured, Status status) {

    /** Whether a budget holds on the measured machine. */
    public enum Status {
        MET("met"), MISSED("**missed**"), NOT_MEASURED("not measured");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
