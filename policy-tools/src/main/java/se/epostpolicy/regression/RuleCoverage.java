package se.epostpolicy.regression;

import java.util.Objects;

/**
 * How many cases fired one rule.
 *
 * @param ruleId the rule's id
 * @param ruleName the rule's name
 * @param file where the rule is written (the manifest, for a review rule)
 * @param line the rule's line, or 0
 * @param cases the number of cases in which it fired (its outcome suppressed or not)
 * @since 0.1
 */
public record RuleCoverage(String ruleId, String ruleName, String file, int line, int cases) {
  public RuleCoverage {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(ruleName, "ruleName");
    Objects.requireNonNull(file, "file");
  }

  /** True when at least one case fired the rule. */
  public boolean covered() {
    return cases > 0;
  }
}
