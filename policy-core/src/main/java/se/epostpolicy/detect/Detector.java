package se.epostpolicy.detect;

import java.util.List;
import java.util.function.Consumer;
import se.epostpolicy.facts.Marker;

/**
 * Finds markers in a message's texts. Implementations must be thread-safe and must put only the
 * matched term into a marker's evidence, never free body text around it; {@link Detectors} masks
 * identity numbers and names in every marker's evidence and attachment name (see {@link Masking}).
 *
 * @since 0.1
 */
public interface Detector {

  /**
   * Reads every text of one message and reports what it finds.
   *
   * @param texts the subject, body and attachment texts of one message
   * @param context what the detector may need to know about the whole message
   * @param found receives each marker
   */
  void detect(List<ScannedText> texts, DetectionContext context, Consumer<Marker> found);
}
