package se.epostpolicy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityNumbersTest {

  private static final LocalDate MAIL_DATE = LocalDate.of(2024, 3, 12);

  @ParameterizedTest(name = "[{index}] {0} → {1}")
  @CsvSource(delimiter = '|', value = {
      // valid personnummer in every separator form
      "19121212-1212 | 19121212-****",
      "191212121212  | 19121212-****",
      "121212-1212   | 20121212-****",
      "1212121212    | 20121212-****",
      "121212+1212   | 19121212-****",
      "811218-9876   | 19811218-****",
      "19811218-9876 | 19811218-****",
      // samordningsnummer: day + 60
      "701063-2391   | 19701063-****",
      "197010632391  | 19701063-****",
  })
  void findsValidNumbersAndMasksThem(String text, String masked) {
    List<IdentityNumbers.IdentityNumber> found = IdentityNumbers.find("Nr " + text + " här.", MAIL_DATE);
    assertThat(found).singleElement().extracting(IdentityNumbers.IdentityNumber::masked).isEqualTo(masked);
  }

  @ParameterizedTest(name = "[{index}] {0} is no identity number")
  @CsvSource(delimiter = '|', value = {
      "19121212-1213",       // Luhn fails
      "811218-9875",         // Luhn fails
      "19121312-1212",       // month 13
      "19120230-1212",       // 30 February
      "556036-0793",         // organisationsnummer (month 60)
      "212000-1355",         // organisationsnummer (month 20)
      "070-123 45 67",       // mobile number
      "+46701234567",        // international phone number
      "0701234567",          // phone number without separator
      "2024-03-12",          // a date
      "5050-1055",           // bankgiro
      "SE4550000000058398257466", // IBAN
      "12345678901234",      // order number, too long
  })
  void rejectsLookalikes(String text) {
    assertThat(IdentityNumbers.find("Ref " + text + " slut", MAIL_DATE)).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0} on {1} is born {2}")
  @CsvSource({
      "121212-1212, 2024-03-12, 2012-12-12",
      "121212-1212, 2011-01-01, 1912-12-12",
      "121212+1212, 2024-03-12, 1912-12-12",
  })
  void infersTheCenturyFromTheMessageDateNotFromToday(String text, LocalDate mailDate, LocalDate born) {
    assertThat(IdentityNumbers.find(text, mailDate)).singleElement()
        .extracting(IdentityNumbers.IdentityNumber::birthDate).isEqualTo(born);
  }
}
