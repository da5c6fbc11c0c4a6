package se.epostpolicy.engine;

import java.util.Objects;

/**
 * Why precedence set a hit aside, with the words that explain it to the person who reads the
 * decision. Made by the engine's precedence alone, so every output says the same.
 *
 * @param kind which precedence rule applied
 * @param by what prevailed: {@code FORBIDDEN_TO_SEND}, {@code DO_NOT_DELETE}, or the id of the rule
 *     whose {@code @overrides} names this one
 * @since 0.3
 */
public record Suppression(Kind kind, String by) {

  /** The catalogue's precedence rules. */
  public enum Kind {
    /** {@code FORBIDDEN_TO_SEND} stands alone: no other primary verdict stands beside it. */
    FORBIDDEN_STANDS_ALONE,
    /** {@code DO_NOT_DELETE} blocks {@code DELETE}. */
    KEPT_NOT_DELETED,
    /** A rule's {@code @overrides} metadata names the set-aside rule. */
    OVERRIDDEN
  }

  public Suppression {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(by, "by");
  }

  static Suppression forbidden() {
    return new Suppression(Kind.FORBIDDEN_STANDS_ALONE, Verdict.FORBIDDEN_TO_SEND.name());
  }

  static Suppression keep() {
    return new Suppression(Kind.KEPT_NOT_DELETED, Notice.DO_NOT_DELETE.name());
  }

  static Suppression overriddenBy(String ruleId) {
    return new Suppression(Kind.OVERRIDDEN, ruleId);
  }

  /** Why the hit {@code of} was set aside, in a sentence. */
  public String explanation(String of) {
    return switch (kind) {
      case FORBIDDEN_STANDS_ALONE -> "the mail may not be sent at all, so no other verdict stands (FORBIDDEN_TO_SEND stands alone)";
      case KEPT_NOT_DELETED -> "the mail must be kept (DO_NOT_DELETE blocks DELETE)";
      case OVERRIDDEN -> "rule " + by + " prevails over " + of + " (its @overrides)";
    };
  }
}
