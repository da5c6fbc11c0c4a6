package se.epostpolicy.detect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import se.epostpolicy.facts.Confidence;
import se.epostpolicy.facts.Direction;
import se.epostpolicy.facts.Marker;
import se.epostpolicy.facts.MarkerType;

/**
 * The detectors one pack uses, run in order over one message's texts: identity numbers first, so
 * that detectors needing a person reference know whether the message names one.
 *
 * @since 0.1
 */
public final class Detectors {

  private final IdentityNumberDetector identityNumbers = new IdentityNumberDetector();
  private final List<Detector> others;
  private final Vocabulary vocabulary;
  private final Masking masking;

  /** Identity numbers, then {@code vocabulary}'s markers, then {@code extra} detectors. */
  public Detectors(Vocabulary vocabulary, List<Detector> extra) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.masking = Masking.of(vocabulary.persons());
    List<Detector> list = new ArrayList<>();
    list.add(new VocabularyDetector(Objects.requireNonNull(vocabulary, "vocabulary")));
    list.addAll(extra);
    this.others = List.copyOf(list);
  }

  /** Every marker in {@code texts}, duplicates (same type, place and evidence) removed; direction not known. */
  public List<Marker> scan(List<ScannedText> texts, LocalDate messageDate) {
    return scan(texts, messageDate, null);
  }

  /**
   * Every marker in {@code texts}, duplicates (same type, place and evidence) removed, each with
   * its evidence and attachment name masked by {@link #masking()}, whichever detector found it.
   *
   * @param direction the message's direction, or {@code null} when not known
   */
  public List<Marker> scan(List<ScannedText> texts, LocalDate messageDate, Direction direction) {
    Set<Marker> found = new LinkedHashSet<>();
    Consumer<Marker> masked = m -> found.add(masking.marker(m));
    identityNumbers.detect(texts, new DetectionContext(messageDate, false, direction), masked);
    boolean person = found.stream().anyMatch(m -> m.type() == MarkerType.PERSONNUMMER || m.type() == MarkerType.SAMORDNINGSNUMMER);
    DetectionContext context = new DetectionContext(messageDate, person, direction);
    for (Detector d : others) d.detect(texts, context, masked);
    return List.copyOf(found);
  }

  /** The masking of this vocabulary's persons: what {@link #scan} applies to every marker. */
  public Masking masking() {
    return masking;
  }

  /**
   * True when {@code marker} is strong enough to decide: at least its type's {@code minConfidence}
   * in the vocabulary ({@link Confidence#MEDIUM} unless the vocabulary says otherwise).
   */
  public boolean counts(Marker marker) {
    Vocabulary.Entry e = vocabulary.markers().get(marker.type());
    return marker.confidence().atLeast(e == null ? Confidence.MEDIUM : e.minConfidence());
  }
}
