package se.epostpolicy.detect;

import java.util.List;
import java.util.function.Consumer;
import se.epostpolicy.facts.Marker;
import se.epostpolicy.facts.MarkerType;

/**
 * Reports {@link MarkerType#PERSONNUMMER} and {@link MarkerType#SAMORDNINGSNUMMER}, masked.
 *
 * @since 0.1
 */
public final class IdentityNumberDetector implements Detector {

  @Override
  public void detect(List<ScannedText> texts, DetectionContext context, Consumer<Marker> found) {
    for (ScannedText t : texts) {
      for (IdentityNumbers.IdentityNumber n : IdentityNumbers.find(t.text(), context.messageDate())) {
        MarkerType type = n.coordinationNumber() ? MarkerType.SAMORDNINGSNUMMER : MarkerType.PERSONNUMMER;
        found.accept(new Marker(type, t.location(), t.attachmentName(), n.masked(), t.protectedInTransit()));
      }
    }
  }
}
