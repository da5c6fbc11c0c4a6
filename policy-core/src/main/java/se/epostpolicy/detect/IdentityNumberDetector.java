package se.epostpolicy.detect;

import java.util.List;
import java.util.function.Consumer;
import se.epostpolicy.facts.Confidence;
import se.epostpolicy.facts.Marker;
import se.epostpolicy.facts.MarkerType;
import se.epostpolicy.facts.Zone;

/**
 * Reports {@link MarkerType#PERSONNUMMER} and {@link MarkerType#SAMORDNINGSNUMMER}, masked.
 *
 * @since 0.1
 */
final class IdentityNumberDetector implements Detector {

  @Override
  public void detect(List<ScannedText> texts, DetectionContext context, Consumer<Marker> found) {
    for (ScannedText t : texts) {
      for (IdentityNumbers.IdentityNumber n : IdentityNumbers.find(t.text(), context.messageDate())) {
        MarkerType type = n.coordinationNumber() ? MarkerType.SAMORDNINGSNUMMER : MarkerType.PERSONNUMMER;
        Zone zone = t.zoneAt(n.start());
        if (zone == Zone.DISCLAIMER) continue;
        found.accept(new Marker(type, t.location(), zone, t.attachmentName(), n.masked(), Confidence.HIGH, t.protectedInTransit()));
      }
    }
  }
}
