package se.epostpolicy;

import java.util.Objects;

/**
 * A message could not be read: the file is missing or unreadable, too large, or not MIME at all.
 * Names the source (a path, {@code path#N} for an mbox entry) but never the message's content.
 *
 * @since 0.1
 */
public final class MailReadException extends PolicyException {

  private static final long serialVersionUID = 1L;

  private final String source;

  public MailReadException(String source, String problem, Throwable cause) {
    super(Objects.requireNonNull(source, "source") + ": " + Objects.requireNonNull(problem, "problem"), cause);
    this.source = source;
  }

  public MailReadException(String source, String problem) {
    this(source, problem, null);
  }

  /** Where the message came from, as the caller named it; never {@code null}. */
  public String source() {
    return source;
  }
}
