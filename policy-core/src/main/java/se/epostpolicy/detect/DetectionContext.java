package se.epostpolicy.detect;

import java.time.LocalDate;
import java.util.Objects;
import se.epostpolicy.facts.Direction;

/**
 * What detectors know of the whole message while reading its parts.
 *
 * @param messageDate the message's date in Swedish time; the reference for ten-digit identity numbers
 * @param identityNumberPresent some text of the message holds a valid personnummer or samordningsnummer
 * @param direction the message's direction from the organisation's view, or {@code null} when not
 *     known: it says who "jag" and "du" are (the writer outside, or the reader)
 * @since 0.1
 */
public record DetectionContext(LocalDate messageDate, boolean identityNumberPresent, Direction direction) {
  public DetectionContext {
    Objects.requireNonNull(messageDate, "messageDate");
  }

  /** A context whose direction is not known. */
  public DetectionContext(LocalDate messageDate, boolean identityNumberPresent) {
    this(messageDate, identityNumberPresent, null);
  }
}
