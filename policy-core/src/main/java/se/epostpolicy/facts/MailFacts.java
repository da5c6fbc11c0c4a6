package se.epostpolicy.facts;

import java.util.List;
import java.util.Objects;

/**
 * Everything the rules see of one message: the message facts, its attachments and its markers.
 *
 * @param message the message-level facts
 * @param attachments every attachment, attached messages' included
 * @param markers every marker found, with location and masked evidence
 * @since 0.1
 */
public record MailFacts(Message message, List<Attachment> attachments, List<Marker> markers) {

  public MailFacts {
    Objects.requireNonNull(message, "message");
    attachments = List.copyOf(attachments);
    markers = List.copyOf(markers);
  }
}
