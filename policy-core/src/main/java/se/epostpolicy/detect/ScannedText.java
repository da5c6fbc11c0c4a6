package se.epostpolicy.detect;

import java.util.Objects;
import se.epostpolicy.facts.Location;

/**
 * One piece of a message's text that detectors read.
 *
 * @param location where the text stands
 * @param attachmentName the attachment's name when the text is an attachment's, else empty
 * @param text the text itself
 * @param protectedInTransit the text is unreadable in transit (encrypted body or attachment)
 * @since 0.1
 */
public record ScannedText(Location location, String attachmentName, String text, boolean protectedInTransit) {

  public ScannedText {
    Objects.requireNonNull(location, "location");
    attachmentName = attachmentName == null ? "" : attachmentName;
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return "ScannedText[" + location + (attachmentName.isEmpty() ? "" : " " + attachmentName) + ", " + text.length() + " chars]";
  }
}
