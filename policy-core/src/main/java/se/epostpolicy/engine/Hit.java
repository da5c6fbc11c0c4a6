package se.epostpolicy.engine;

import java.util.Objects;

/**
 * One outcome of one rule that fired, with the paragraph that demands it and whether precedence
 * set it aside. Only the engine makes hits: a decision's parts cannot be forged by a caller.
 *
 * @since 0.1
 */
public final class Hit {

  private final String ruleId;
  private final String ruleName;
  private final Outcome outcome;
  private final Citation citation;
  private final String reason;
  private final Suppression suppression;

  Hit(String ruleId, String ruleName, Outcome outcome, Citation citation, String reason) {
    this(ruleId, ruleName, outcome, citation, reason, null);
  }

  private Hit(String ruleId, String ruleName, Outcome outcome, Citation citation, String reason, Suppression suppression) {
    this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
    this.ruleName = Objects.requireNonNull(ruleName, "ruleName");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.citation = Objects.requireNonNull(citation, "citation");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.suppression = suppression;
  }

  Hit suppress(Suppression why) {
    return new Hit(ruleId, ruleName, outcome, citation, reason, Objects.requireNonNull(why, "why"));
  }

  /** The catalogue id ({@code VRM-01}). */
  public String ruleId() {
    return ruleId;
  }

  /** The rule's name in its file. */
  public String ruleName() {
    return ruleName;
  }

  /** The verdict or notice. */
  public Outcome outcome() {
    return outcome;
  }

  /** The paragraph that demands it. */
  public Citation citation() {
    return citation;
  }

  /** Why, in Swedish, for the person who reads the decision. */
  public String reason() {
    return reason;
  }

  /** Whether precedence set this outcome aside. */
  public boolean suppressed() {
    return suppression != null;
  }

  /** Why precedence set this outcome aside, with its explanation; empty when it stands. */
  public java.util.Optional<Suppression> suppression() {
    return java.util.Optional.ofNullable(suppression);
  }

  /**
   * What set it aside ({@code FORBIDDEN_TO_SEND}, {@code DO_NOT_DELETE} or a rule id that
   * prevails), or an empty string.
   */
  public String suppressedBy() {
    return suppression == null ? "" : suppression.by();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hit h && ruleId.equals(h.ruleId) && ruleName.equals(h.ruleName) && outcome.equals(h.outcome)
        && citation.equals(h.citation) && reason.equals(h.reason) && Objects.equals(suppression, h.suppression);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ruleId, ruleName, outcome, citation, reason, suppression);
  }

  @Override
  public String toString() {
    return "Hit[" + ruleId + " → " + outcome.name() + (suppression != null ? " suppressed by " + suppression.by() : "") + ", " + citation + "]";
  }
}
