package se.epostpolicy.mail;

import java.util.Objects;
import se.epostpolicy.MailReadException;

/**
 * What reading one message of a file, mbox or Maildir gave: the message, or the typed error that
 * says why it could not be read. A batch never stops at one bad message.
 *
 * @since 0.1
 */
public sealed interface ReadOutcome permits ReadOutcome.Parsed, ReadOutcome.Unreadable {

  /** Where the message came from ({@code path}, {@code path#N} for the N-th mbox entry). */
  String source();

  /** A message that was read. */
  record Parsed(Email email) implements ReadOutcome {
    public Parsed {
      Objects.requireNonNull(email, "email");
    }

    @Override
    public String source() {
      return email.source();
    }
  }

  /** A message that could not be read. */
  record Unreadable(MailReadException error) implements ReadOutcome {
    public Unreadable {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public String source() {
      return error.source();
    }
  }
}
