package se.epostpolicy.detect;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What detectors know of the whole message while reading its parts.
 *
 * @param messageDate the message's date in Swedish time; the reference for ten-digit identity numbers
 * @param identityNumberPresent some text of the message holds a valid personnummer or samordningsnummer
 * @since 0.1
 */
public record DetectionContext(LocalDate messageDate, boolean identityNumberPresent) {
  public DetectionContext {
    Objects.requireNonNull(messageDate, "messageDate");
  }
}
