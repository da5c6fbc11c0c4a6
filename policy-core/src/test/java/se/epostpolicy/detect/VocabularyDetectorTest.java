package se.epostpolicy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.epostpolicy.facts.Location;
import se.epostpolicy.facts.Marker;
import se.epostpolicy.facts.MarkerType;

class VocabularyDetectorTest {

  private final Vocabulary vocabulary = new Vocabulary(new Vocabulary.Persons(List.of("patienten"), List.of("jag", "min"),
      List.of("du", "din"), List.of(), List.of()), Map.of(
      MarkerType.PATIENT_DATA, new Vocabulary.Entry(List.of("diagnos", "journal", "remiss"), List.of("\\b[A-TV-Z][0-9]{2}\\.[0-9]\\b"),
          List.of("remissvar*"), true),
      MarkerType.CONFIDENTIALITY_MARKING, new Vocabulary.Entry(List.of("omfattas av sekretess"), List.of(), List.of(), false)),
      List.of());
  private final Detectors detectors = new Detectors(vocabulary, List.of());

  private List<MarkerType> scan(String body) {
    return detectors.scan(List.of(new ScannedText(Location.BODY, "", body, false)), LocalDate.of(2024, 1, 1))
        .stream().map(Marker::type).toList();
  }

  @Test
  void inflectionsAndCompoundsMatch() {
    assertThat(scan("Patienten har diagnoserna klara.")).contains(MarkerType.PATIENT_DATA);
    assertThat(scan("Patienten: se patientjournal.")).contains(MarkerType.PATIENT_DATA);
  }

  @Test
  void stemsAndCompoundHeadsMatchWithoutWildcards() {
    assertThat(scan("Patienten: diagnoserna är klara.")).contains(MarkerType.PATIENT_DATA);
    assertThat(scan("Patienten: se patientjournalen.")).contains(MarkerType.PATIENT_DATA);
    assertThat(scan("Patienten: journalerna finns.")).contains(MarkerType.PATIENT_DATA);
    // "journal" is not the head of "journalföra": no match
    assertThat(scan("Patienten: vi ska journalföra.")).doesNotContain(MarkerType.PATIENT_DATA);
  }

  @Test
  void patientDataNeedsAPerson() {
    assertThat(scan("Antalet diagnoser ökade 2023.")).doesNotContain(MarkerType.PATIENT_DATA);
    assertThat(scan("Diagnosen gäller 19121212-1212.")).contains(MarkerType.PATIENT_DATA, MarkerType.PERSONNUMMER);
  }

  @Test
  void exceptTermsCancelTheirMatch() {
    assertThat(scan("Patienten: vårt remissvar bifogas.")).doesNotContain(MarkerType.PATIENT_DATA);
    assertThat(scan("Patienten: remiss skickad.")).contains(MarkerType.PATIENT_DATA);
  }

  @Test
  void phrasesMatchWordByWord() {
    assertThat(scan("Uppgifterna omfattas  av\nsekretess.")).contains(MarkerType.CONFIDENTIALITY_MARKING);
    assertThat(scan("Kurs om sekretess.")).doesNotContain(MarkerType.CONFIDENTIALITY_MARKING);
  }

  @Test
  void evidenceNeverHoldsAnUnmaskedNumber() {
    List<Marker> markers = detectors.scan(List.of(new ScannedText(Location.SUBJECT, "", "Ang 19121212-1212 diagnos", false)),
        LocalDate.of(2024, 1, 1));
    assertThat(markers).as("the diagnosis is found, so there is evidence to check").isNotEmpty();
    assertThat(markers).extracting(Marker::evidence).noneMatch(e -> e.contains("1212-1212"));
  }

  private static final String FILLER = " och sedan ".repeat(30);

  private List<Marker> scanZoned(String body, se.epostpolicy.facts.Direction direction) {
    return detectors.scan(List.of(new ScannedText(Location.BODY, "", body, false, TextZones.split(body, false))),
        LocalDate.of(2024, 1, 1), direction);
  }

  private static se.epostpolicy.facts.Confidence confidence(List<Marker> markers, MarkerType type) {
    return markers.stream().filter(m -> m.type() == type).map(Marker::confidence).max(Enum::compareTo).orElse(null);
  }

  @Test
  void confidenceGrowsWithTheReferenceNearTheEvidence() {
    assertThat(confidence(scanZoned("Diagnosen gäller 19121212-1212.", null), MarkerType.PATIENT_DATA))
        .isEqualTo(se.epostpolicy.facts.Confidence.HIGH);
    assertThat(confidence(scanZoned("Patienten har fått en diagnos.", null), MarkerType.PATIENT_DATA))
        .isEqualTo(se.epostpolicy.facts.Confidence.MEDIUM);
    assertThat(confidence(scanZoned("Patienten kom i dag." + FILLER + "Vi väntar på en diagnos.", null), MarkerType.PATIENT_DATA))
        .as("the person only far away").isEqualTo(se.epostpolicy.facts.Confidence.LOW);
    assertThat(detectors.counts(scanZoned("Patienten kom i dag." + FILLER + "Vi väntar på en diagnos.", null).stream()
        .filter(m -> m.type() == MarkerType.PATIENT_DATA).findFirst().orElseThrow())).isFalse();
  }

  @Test
  void aNameInTheSignatureIdentifiesNobody() {
    String body = "Vi har gått igenom rutinen för remiss i gruppen.\n\nMed vänlig hälsning\nPatienten Andersson\nTel 054-61 00 00\n";
    assertThat(scanZoned(body, se.epostpolicy.facts.Direction.INTERNAL)).extracting(Marker::type).doesNotContain(MarkerType.PATIENT_DATA);
    String quoted = "Tack, vi återkommer.\n\nFrån: N N <n@gmail.com>\nSkickat: den 1 mars\nTill: x@y.se\nÄmne: fråga\n\n"
        + "Min remiss gäller 19121212-1212.\n";
    List<Marker> q = scanZoned(quoted, se.epostpolicy.facts.Direction.OUTBOUND);
    assertThat(q).filteredOn(m -> m.type() == MarkerType.PATIENT_DATA).extracting(Marker::zone)
        .containsExactly(se.epostpolicy.facts.Zone.QUOTED);
  }

  @Test
  void theWriterAndTheReaderAreReferencesOnlyWhenOutside() {
    String body = "Jag har fått min remiss.";
    assertThat(scanZoned(body, se.epostpolicy.facts.Direction.INBOUND)).extracting(Marker::type).contains(MarkerType.PATIENT_DATA);
    assertThat(scanZoned(body, se.epostpolicy.facts.Direction.INTERNAL)).extracting(Marker::type).doesNotContain(MarkerType.PATIENT_DATA);
    String reply = "Du har fått din remiss.";
    assertThat(scanZoned(reply, se.epostpolicy.facts.Direction.OUTBOUND)).extracting(Marker::type).contains(MarkerType.PATIENT_DATA);
    assertThat(scanZoned(reply, se.epostpolicy.facts.Direction.INTERNAL)).extracting(Marker::type).doesNotContain(MarkerType.PATIENT_DATA);
  }

  @Test
  void aDisclaimerIsNeverAMarking() {
    String body = "Hej, se bifogat.\n\nDetta e-postmeddelande omfattas av sekretess och kan innehålla konfidentiell information. "
        + "Om du inte är rätt mottagare, radera det.\n";
    assertThat(scanZoned(body, null)).extracting(Marker::type).doesNotContain(MarkerType.CONFIDENTIALITY_MARKING);
    assertThat(scanZoned("Uppgifterna omfattas av sekretess.", null)).extracting(Marker::type)
        .contains(MarkerType.CONFIDENTIALITY_MARKING);
  }
}
