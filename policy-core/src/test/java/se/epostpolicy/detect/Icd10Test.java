package se.epostpolicy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Icd10Test {

  @ParameterizedTest
  @CsvSource({"F32, true", "E11, true", "J45, true", "C50, true", "Z00, true", "U07, true", "S72, true", "Y98, true",
      "U12, false", "D49, false", "K99, false", "E99, false", "H99, false", "P99, false", "A10, false", "Y99, false"})
  void categoriesMustLieInABlockOfTheClassification(String category, boolean valid) {
    assertThat(Icd10.isCategory(category)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Hon har F32.1 sedan i våras.|true",
      "Diagnos: E11|true",
      "dg J45.9, astma|true",
      "ICD-10 I10|true",
      "Vi ses i sal F32.1 efter lunch.|false",
      "Kurskod F32.1 är full.|false",
      "Exempel: E11.9 i övningen|false",
      "Buss J45 går till sjukhuset.|false",
      "Rapporten ligger i mapp J45 på servern.|false",
      "Kod U12.3 finns inte.|false"})
  void aCodeIsADiagnosisWhenSubdividedOrIntroducedAndNotARoomOrCourse(String text, boolean diagnosis) {
    List<Icd10.Code> codes = Icd10.find(text);
    assertThat(codes.stream().anyMatch(Icd10.Code::diagnosis)).as(text).isEqualTo(diagnosis);
  }
}
