package se.epostpolicy;

/**
 * Every failure this library reports on purpose. The subtypes say what went wrong and carry
 * what a caller needs to act on it; messages never contain subjects, body text or identity
 * numbers, so they are safe to log.
 *
 * @since 0.1
 */
public abstract sealed class PolicyException extends RuntimeException
    permits MailReadException, RulePackException, UnknownPackException, EvaluationException {

  private static final long serialVersionUID = 1L;

  protected PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
