package se.epostpolicy.facts;

import java.util.Objects;

/**
 * One piece of content a detector found, inserted into the rule engine as a fact of its own.
 *
 * @param type what was found
 * @param location where it was found
 * @param attachmentName the attachment's file name when {@code location} is an attachment, else empty
 * @param evidence what matched, masked where it identifies a person ({@code 19121212-****});
 *     safe to show to users and to log
 * @param protectedInTransit the content is unreadable in transit (inside an encrypted message body
 *     or an encrypted attachment); a subject never is
 * @since 0.1
 */
public record Marker(MarkerType type, Location location, String attachmentName, String evidence,
                     boolean protectedInTransit) {

  public Marker {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(location, "location");
    attachmentName = attachmentName == null ? "" : attachmentName;
    Objects.requireNonNull(evidence, "evidence");
  }
}
