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

  private final Vocabulary vocabulary = new Vocabulary(List.of("patienten"), List.of(), Map.of(
      MarkerType.PATIENT_DATA, new Vocabulary.Entry(List.of("diagnos", "journal", "remiss"), List.of("\\b[A-TV-Z][0-9]{2}\\.[0-9]\\b"),
          List.of("remissvar*"), true),
      MarkerType.CONFIDENTIALITY_MARKING, new Vocabulary.Entry(List.of("omfattas av sekretess"), List.of(), List.of(), false)));
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
    assertThat(markers).extracting(Marker::evidence).noneMatch(e -> e.contains("1212-1212"));
  }
}
