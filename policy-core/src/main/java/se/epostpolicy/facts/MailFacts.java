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
 * @param unread the parts not read in full, by position and type (catalogue BAS-09); the rules
 *     see {@link Message#contentNotRead()} and {@link Attachment#read()}
 * @since 0.1
 */
public record MailFacts(Message message, List<Attachment> attachments, List<Marker> markers, List<Marker> weakMarkers,
                        List<ContentLoss> unread) {

  public MailFacts {
    Objects.requireNonNull(message, "message");
    attachments = List.copyOf(attachments);
    markers = List.copyOf(markers);
    weakMarkers = weakMarkers == null ? List.of() : List.copyOf(weakMarkers);
    unread = unread == null ? List.of() : List.copyOf(unread);
  }

  /** Facts of a message read in full, without weak markers. */
  public MailFacts(Message message, List<Attachment> attachments, List<Marker> markers) {
    this(message, attachments, markers, List.of(), List.of());
  }
}
