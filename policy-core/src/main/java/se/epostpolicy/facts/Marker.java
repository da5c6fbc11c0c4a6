package se.epostpolicy.facts;

import java.util.Objects;

/**
 * One piece of content a detector found, inserted into the rule engine as a fact of its own.
 *
 * @param type what was found
 * @param location where it was found
 * @param zone the part of the mail's structure it stands in (own text, quoted, signature, …)
 * @param attachmentName the attachment's file name when {@code location} is an attachment, else empty;
 *     as reported by {@code Detectors}, with identity numbers and names masked ({@code Remiss 19121212-**** diabetes.pdf})
 * @param evidence the matched term, masked where it identifies a person ({@code 19121212-****}), the free
 *     text around it left out ({@code Detta … omfattas av sekretess}); safe to show to users and to log
 * @param confidence how strongly the evidence holds
 * @param protectedInTransit the content is unreadable in transit (inside an encrypted message body
 *     or an encrypted attachment); a subject never is
 * @since 0.1
 */
public record Marker(MarkerType type, Location location, Zone zone, String attachmentName, String evidence,
                     Confidence confidence, boolean protectedInTransit) {

  public Marker {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(zone, "zone");
    attachmentName = attachmentName == null ? "" : attachmentName;
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(confidence, "confidence");
  }
}
