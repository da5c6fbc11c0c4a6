package se.epostpolicy.detect;

import java.util.List;
import java.util.Objects;
import se.epostpolicy.facts.Location;
import se.epostpolicy.facts.Zone;

/**
 * One piece of a message's text that detectors read.
 *
 * @param location where the text stands
 * @param attachmentName the attachment's name when the text is an attachment's, else empty
 * @param text the text itself
 * @param protectedInTransit the text is unreadable in transit (encrypted body or attachment)
 * @param zones the zones of the mail's structure the text is made of, in order, covering it
 * @since 0.1
 */
public record ScannedText(Location location, String attachmentName, String text, boolean protectedInTransit,
                          List<TextZones.Span> zones) {

  public ScannedText {
    Objects.requireNonNull(location, "location");
    attachmentName = attachmentName == null ? "" : attachmentName;
    Objects.requireNonNull(text, "text");
    zones = zones == null || zones.isEmpty() ? List.of(new TextZones.Span(Zone.OWN_TEXT, 0, text.length())) : List.copyOf(zones);
  }

  /** A text of one zone, the author's own. */
  public ScannedText(Location location, String attachmentName, String text, boolean protectedInTransit) {
    this(location, attachmentName, text, protectedInTransit, List.of());
  }

  /** A text wholly in {@code zone}. */
  public static ScannedText of(Location location, String attachmentName, String text, boolean protectedInTransit, Zone zone) {
    return new ScannedText(location, attachmentName, text, protectedInTransit, List.of(new TextZones.Span(zone, 0, text.length())));
  }

  /** The zone of the character at {@code offset}. */
  public Zone zoneAt(int offset) {
    return TextZones.zoneAt(zones, offset);
  }

  @Override
  public String toString() {
    return "ScannedText[" + location + (attachmentName.isEmpty() ? "" : " " + attachmentName) + ", " + text.length() + " chars]";
  }
}
