package se.epostpolicy.engine;

/**
 * What a rule returns: a primary {@link Verdict} or a secondary {@link Notice}.
 *
 * @since 0.1
 */
public sealed interface Outcome permits Verdict, Notice {

  /** The code, as in the policy catalogue and the JSON output ({@code REGISTER}, {@code USE_BCC}). */
  String name();

  /** True for the four primary verdicts. */
  default boolean primary() {
    return this instanceof Verdict;
  }
}
