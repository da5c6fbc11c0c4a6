package se.epostpolicy.facts;

import java.util.Objects;

/**
 * One piece of a message that was not read in full (catalogue BAS-09). Names the part by its
 * position and type, never by its file name or content, so it is safe to show and to log.
 *
 * @param part which part: {@code "body text"}, {@code "attachment 2 (application/pdf)"}, {@code "MIME part"}
 * @param status how it was not read; never {@link ReadStatus#READ}
 * @param reason why, in a few words ({@code "damaged (TikaException)"}, {@code "text beyond 2000000 characters"})
 * @since 0.2
 */
public record ContentLoss(String part, ReadStatus status, String reason) {

  public ContentLoss {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(reason, "reason");
    if (Objects.requireNonNull(status, "status") == ReadStatus.READ) {
      throw new IllegalArgumentException("a loss is something not read");
    }
  }

  @Override
  public String toString() {
    return part + ": " + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", " + reason;
  }
}
