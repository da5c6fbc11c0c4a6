package se.epostpolicy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import se.epostpolicy.facts.Location;
import se.epostpolicy.facts.Marker;
import se.epostpolicy.facts.MarkerType;

class MaskingTest {

  private static final Vocabulary.Persons PERSONS = new Vocabulary.Persons(List.of("patienten"), List.of(), List.of(),
      List.of("anna", "karin"), List.of("\\b(?:Per|Bo)\\s+[A-ZÅÄÖ][a-zåäöé]+\\b"));
  private final Masking masking = Masking.of(PERSONS);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Ang 811218-9876 i dag         | Ang 811218-**** i dag",
      "Ang 8112189876                | Ang 811218-****",
      "Ang 811218 9876               | Ang 811218-****",
      "Ang 811218 - 9876             | Ang 811218-****",
      "Ang 19811218-9876             | Ang 19811218-****",
      "Ang 198112189876              | Ang 19811218-****",
      "Ang 121212+1212               | Ang 121212+****",
      "samordningsnummer 701063-2391 | samordningsnummer 701063-****",
      "Remiss-19121212-1212.pdf      | Remiss-19121212-****.pdf",
      "pnr:19121212-1212             | pnr:19121212-****",
      "Ang 811218–9876               | Ang 811218-****",
      // One digit wrong: no valid number, still a person's.
      "Ang 811218-9877               | Ang 811218-****",
  })
  void identityNumbersLoseTheirLastFourDigitsInEveryForm(String text, String masked) {
    assertThat(Masking.identityNumbersOnly().text(text)).isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Dnr RS 2024/1234",
      "Tel 054-61 00 00",
      "möte 2024-03-22 kl 10",
      "summa 1 234 567 kr",
      "ICD E11.9 och F32.1",
  })
  void otherNumbersStayAsWritten(String text) {
    assertThat(Masking.identityNumbersOnly().text(text)).isEqualTo(text);
  }

  @Test
  void namesThePersonsVocabularyKnowsAreMaskedWithTheSurname() {
    assertThat(masking.text("Remiss Anna Svensson diabetes.pdf")).isEqualTo("Remiss **** diabetes.pdf");
    assertThat(masking.text("Till Anna-Karin Lind och Per Eriksson")).isEqualTo("Till **** och ****");
    assertThat(masking.text("Karin 19121212-1212.txt")).isEqualTo("**** 19121212-****.txt");
    assertThat(masking.text("annars Hanna")).as("a first name counts only as a word and with a capital").isEqualTo("annars Hanna");
    assertThat(Masking.identityNumbersOnly().text("Anna Svensson")).isEqualTo("Anna Svensson");
  }

  @Test
  void anAddressKeepsOnlyItsDomain() {
    assertThat(Masking.address("per.eriksson@gmail.com")).isEqualTo("****@gmail.com");
    assertThat(Masking.address("undisclosed-recipients")).isEqualTo("****");
  }

  @Test
  void aMarkerIsMaskedInEvidenceAndAttachmentName() {
    Marker m = masking.marker(new Marker(MarkerType.PATIENT_DATA, Location.ATTACHMENT_NAME, se.epostpolicy.facts.Zone.OWN_TEXT,
        "Remiss Anna Svensson 811218-9876.pdf", "remiss 811218-9876", se.epostpolicy.facts.Confidence.HIGH, false));
    assertThat(m.attachmentName()).isEqualTo("Remiss **** 811218-****.pdf");
    assertThat(m.evidence()).isEqualTo("remiss 811218-****");
  }

  private static String evidence(String regex, String text) {
    Masking.EvidencePattern p = Masking.EvidencePattern.compile(regex);
    Matcher m = p.pattern().matcher(text);
    assertThat(m.find()).as(regex).isTrue();
    return p.evidence(m);
  }

  private static final String MARKING =
      "(?i)\\b(?:detta|det här|denna|bifogade?|följande|uppgifterna i (?:detta|det här))\\b[^.\\n]{0,40}?\\b(?:omfattas av sekretess|är konfidentiella?)";

  @Test
  void aPatternShowsItsOwnWordsAndLeavesOutTheFreeTextItLetsThrough() {
    assertThat(evidence(MARKING, "Detta 811218-9876 har cancer, Per Eriksson, omfattas av sekretess."))
        .isEqualTo("Detta … omfattas av sekretess");
    assertThat(evidence(MARKING, "Detta omfattas av sekretess.")).isEqualTo("Detta omfattas av sekretess");
    assertThat(evidence("(?i)(?:begär|önskar)[^.\\n]{0,60}(?:e-?post|mejl|mail)logg", "Jag begär att få ut Anna Svenssons mejlloggar"))
        .isEqualTo("begär … mejllogg");
    String lab = "(?iu)\\b(?:blodtryck(?:et)?)\\b[^\\n\\d]{0,15}\\d+(?:[.,]\\d+)?(?:\\s?/\\s?\\d+)?\\s?(?:mmhg)";
    assertThat(evidence(lab, "blodtrycket 160/95 mmHg")).isEqualTo("blodtrycket 160/95 mmHg");
    assertThat(evidence(lab, "blodtrycket hos Anna 160/95 mmHg")).isEqualTo("blodtrycket … 160/95 mmHg");
    assertThat(evidence("x.*y", "x Anna Svensson y")).isEqualTo("x … y");
  }

  @Test
  void aRepeatedGroupAroundFreeTextIsOneStretch() {
    assertThat(evidence("start(?:[^.]{1,8}mitt)+ slut", "start Anna mitt Karin mitt slut")).isEqualTo("start … slut");
  }

  @Test
  void escapedDotsAndPlainClassesAreThePatternsOwnWords() {
    assertThat(evidence("Dnr\\.?\\s*[A-Z]{2}[ /-]?\\d{4}/\\d+", "Dnr. RS 2024/12")).isEqualTo("Dnr. RS 2024/12");
    assertThat(evidence("a[]b]+c", "a]]c")).isEqualTo("a]]c");
    assertThat(evidence("\\Q[^x]*\\E", "[^x]*")).isEqualTo("[^x]*");
  }

  @Test
  void detectorsReportNothingInClearWhicheverDetectorFoundIt() {
    Vocabulary vocabulary = new Vocabulary(PERSONS, Map.of(
        MarkerType.CONFIDENTIALITY_MARKING, new Vocabulary.Entry(List.of(), List.of(MARKING), List.of(), false),
        MarkerType.PATIENT_DATA, new Vocabulary.Entry(List.of("remiss"), List.of(), List.of(), true)), List.of());
    Detector plugin = (texts, context, found) -> found.accept(new Marker(MarkerType.HEALTH_DATA, Location.BODY,
        se.epostpolicy.facts.Zone.OWN_TEXT, "", "Anna Svensson 811218-9876", se.epostpolicy.facts.Confidence.HIGH, false));
    List<Marker> markers = new Detectors(vocabulary, List.of(plugin)).scan(List.of(
        new ScannedText(Location.ATTACHMENT_NAME, "Remiss Anna Svensson 19121212-1212.pdf", "Remiss Anna Svensson 19121212-1212.pdf", false),
        new ScannedText(Location.BODY, "", "Detta 811218-9876 har cancer, Per Eriksson, omfattas av sekretess.", false)),
        LocalDate.of(2024, 1, 1));
    assertThat(markers).extracting(Marker::type).contains(MarkerType.CONFIDENTIALITY_MARKING, MarkerType.PATIENT_DATA,
        MarkerType.HEALTH_DATA, MarkerType.PERSONNUMMER);
    for (Marker m : markers) {
      assertThat(m.evidence() + " " + m.attachmentName()).as(m.toString())
          .doesNotContain("1212-1212", "9876", "Anna", "Svensson", "Eriksson", "cancer");
    }
    assertThat(markers).extracting(Marker::evidence).contains("Detta … omfattas av sekretess", "**** 811218-****");
  }
}
