package se.epostpolicy.facts;

import java.util.List;
import java.util.Objects;

/**
 * Everything the rules see of one message: the message facts, its attachments and its markers.
 *
 * @param message the message-level facts
 * @param attachments every attachment, attached messages' included
 * @param markers every marker strong enough to decide, with location, zone and masked evidence
 * @param weakMarkers markers found below their type's confidence level: shown in explanations,
 *     never given to the rules
 * @since 0.1
 */
public record MailFacts(Message message, List<Attachment> attachments, List<Marker> markers, List<Marker> weakMarkers) {

  public MailFacts {
    Objects.requireNonNull(message, "message");
    attachments = List.copyOf(attachments);
    markers = List.copyOf(markers);
    weakMarkers = weakMarkers == null ? List.of() : List.copyOf(weakMarkers);
  }

  /** Facts without weak markers. */
  public MailFacts(Message message, List<Attachment> attachments, List<Marker> markers) {
    this(message, attachments, markers, List.of());
  }
}
