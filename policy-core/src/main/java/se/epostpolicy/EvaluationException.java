package se.epostpolicy;

/**
 * A rule failed while a message was evaluated (a consequence threw, or rules kept firing past the
 * limit). Names the pack and the rule, never the message's content.
 *
 * @since 0.1
 */
public final class EvaluationException extends PolicyException {

  private static final long serialVersionUID = 1L;

  public EvaluationException(String message, Throwable cause) {
    super(message, cause);
  }
}
