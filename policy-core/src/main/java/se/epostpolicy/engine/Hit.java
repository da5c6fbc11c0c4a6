package se.epostpolicy.engine;

import java.util.Objects;

/**
 * One outcome of one rule that fired, with the paragraph that demands it and whether precedence
 * set it aside.
 *
 * @param ruleId the catalogue id ({@code VRM-01})
 * @param ruleName the rule's name in its file
 * @param outcome the verdict or notice
 * @param citation the paragraph that demands it
 * @param reason why, in Swedish, for the person who reads the decision
 * @param suppressed precedence set this outcome aside
 * @param suppressedBy what set it aside ({@code FORBIDDEN_TO_SEND}, {@code DO_NOT_DELETE} or a rule
 *     id that prevails), or an empty string
 * @since 0.1
 */
public record Hit(String ruleId, String ruleName, Outcome outcome, Citation citation, String reason,
                  boolean suppressed, String suppressedBy) {

  public Hit {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(ruleName, "ruleName");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(reason, "reason");
    suppressedBy = suppressedBy == null ? "" : suppressedBy;
  }

  Hit suppress(String by) {
    return new Hit(ruleId, ruleName, outcome, citation, reason, true, by);
  }
}
