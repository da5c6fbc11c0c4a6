package se.epostpolicy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven: every written form of a valid number, and the numbers that only look like one. */
class IdentityNumbersTest {

  private static final LocalDate MAIL_DATE = LocalDate.of(2024, 3, 12);

  @ParameterizedTest(name = "[{index}] {0} → {1}")
  @CsvSource(delimiter = '|', value = {
      // Skatteverket-style test number in every separator form
      "19121212-1212     | 19121212-****",
      "191212121212      | 19121212-****",
      "19121212 1212     | 19121212-****",
      "121212-1212       | 20121212-****",
      "1212121212        | 20121212-****",
      "121212 1212       | 20121212-****",
      "121212 - 1212     | 20121212-****",
      "121212+1212       | 19121212-****",
      "121212 + 1212     | 19121212-****",
      // other valid numbers
      "811218-9876       | 19811218-****",
      "19811218-9876     | 19811218-****",
      "198112189876      | 19811218-****",
      "850709-2388       | 19850709-****",
      "640823-3234       | 19640823-****",
      "000101-0016       | 20000101-****",
      "991231-9986       | 19991231-****",
      "200229-1231       | 20200229-****",
      "120229-3450       | 20120229-****",
      "000229-5558       | 20000229-****",
      "010101-2342       | 20010101-****",
      "550515-4442       | 19550515-****",
      "760301-5673       | 19760301-****",
      "250101-1239       | 19250101-****",
      // samordningsnummer: day + 60
      "701063-2391       | 19701063-****",
      "197010632391      | 19701063-****",
      "7010632391        | 19701063-****",
      "870562-3117       | 19870562-****",
      "19870562-3117     | 19870562-****",
      // in running text, after a label
      "Pnr: 121212-1212  | 20121212-****",
      "personnummer 811218-9876, | 19811218-****",
      "(19121212-1212)   | 19121212-****",
  })
  void findsValidNumbersAndMasksThem(String text, String masked) {
    List<IdentityNumbers.IdentityNumber> found = IdentityNumbers.find("Nr " + text + " här.", MAIL_DATE);
    assertThat(found).singleElement().extracting(IdentityNumbers.IdentityNumber::masked).isEqualTo(masked);
  }

  @ParameterizedTest(name = "[{index}] {0} is no identity number")
  @CsvSource(delimiter = '|', value = {
      "19121212-1213",             // Luhn fails
      "811218-9875",               // Luhn fails
      "701063-2392",               // Luhn fails (samordningsnummer)
      "19121312-1212",             // month 13
      "19120230-1212",             // 30 February
      "210229-1230",               // 29 February 2021
      "230229-4562",               // 29 February 2023
      "850700-1231",               // day 0
      "851301-1232",               // month 13, Luhn right
      "850792-1230",               // day 92: neither a date nor a samordningsnummer
      "556036-0793",               // organisationsnummer (month 60)
      "212000-1355",               // organisationsnummer (month 20)
      "232100-0156",               // Region Värmland's organisationsnummer
      "070-123 45 67",             // mobile number
      "+46701234567",              // international phone number
      "+46 70 123 45 67",          // international phone number with spaces
      "0701234567",                // phone number without separator
      "054-61 40 00",              // landline
      "2024-03-12",                // a date
      "12.12.2012",                // a date with dots
      "5050-1055",                 // bankgiro
      "90 01 23-4",                // plusgiro
      "SE4550000000058398257466",  // IBAN
      "SE45 5000 0000 0583 9825 7466", // IBAN with spaces
      "12345678901234",            // order number, too long
      "8112189876123",             // thirteen digits
      "Fakturanummer 8112189876",  // a valid-looking invoice number
      "OCR 1212121212",            // a valid-looking payment reference
      "Kundnummer 811218-9876",    // a valid-looking customer number
      "Ordernr 121212-1212",       // a valid-looking order number
      "Tel 1212121212",            // a valid-looking phone number
      "Bankgiro 121212-1212",      // labelled payment number
      "SN701063-2391X",            // inside a serial number
      "701063-23910",              // one digit too many
      "1970/1063",                 // a case number
  })
  void rejectsLookalikes(String text) {
    assertThat(IdentityNumbers.find("Uppgift " + text + " slut", MAIL_DATE)).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0} on {1} is born {2}")
  @CsvSource({
      "121212-1212, 2024-03-12, 2012-12-12",
      "121212-1212, 2011-01-01, 1912-12-12",
      "121212+1212, 2024-03-12, 1912-12-12",
      "250101-1239, 2024-03-12, 1925-01-01",
      "250101-1239, 2025-06-01, 2025-01-01",
  })
  void infersTheCenturyFromTheMessageDateNotFromToday(String text, LocalDate mailDate, LocalDate born) {
    assertThat(IdentityNumbers.find(text, mailDate)).singleElement()
        .extracting(IdentityNumbers.IdentityNumber::birthDate).isEqualTo(born);
  }
}
