package se.epostpolicy.detect;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Swedish personnummer and samordningsnummer in text: {@code YYMMDD-NNNN},
 * {@code YYMMDD+NNNN} (100 years or older), {@code YYYYMMDD-NNNN} and the same without separator.
 * A candidate counts only when its date is a real calendar date (day + 60 for a samordningsnummer)
 * and the Luhn check over the ten-digit form holds, so phone, invoice and organisation numbers
 * fall away.
 *
 * <p>The century of a ten-digit number is inferred from a reference date, the message's own date,
 * never from today, so the same mail always gives the same facts.
 *
 * @since 0.1
 */
final class IdentityNumbers {

  private static final Pattern CANDIDATE =
      Pattern.compile("(?<![\\p{L}\\d+\\-/.,])(\\d{2})?(\\d{2})(\\d{2})(\\d{2}) ?([-+])? ?(\\d{4})(?![\\p{L}\\d\\-/]|[.,]\\d)");

  /**
   * Words that, just before a number, say it is something else: an invoice, order, customer,
   * account or payment number, or a phone number. Such numbers can pass the date and Luhn checks
   * by chance; one in ten random ten-digit numbers with a valid date does.
   */
  private static final Pattern OTHER_NUMBER = Pattern.compile(
      "(?iu)(?:faktura\\w*|fakt\\.?\\s*nr|ocr\\w*|order\\w*|kund(?:nr|nummer|\\s+nr)|referens\\w*|ref\\.?|artikel\\w*|art\\.?\\s*nr|"
          + "bankgiro|bg|plusgiro|pg|konto\\w*|clearing\\w*|tel\\.?|telefon\\w*|mobil\\w*|fax|serienummer|iban|avi\\w*)"
          + "\\s*(?:nr|nummer)?\\s*[:.#]?\\s*$");

  /**
   * Anything shaped like an identity number, for masking: a month and a day (or day + 60) that can
   * be real, in any of the written forms, with any hyphen or space between; neither the Luhn check
   * nor the words before it matter, since a mistyped or mislabelled number still names a person.
   */
  private static final Pattern NUMBER_SHAPED = Pattern.compile(
      "(?<!\\d)((?:\\d{2})?\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]|6[1-9]|[78]\\d|9[01]))\\h?([-+\u2010\u2011\u2012\u2013\u2212])?\\h?\\d{4}(?!\\d)");

  /**
   * A validated identity number.
   *
   * @param birthDate the date it encodes (for a samordningsnummer, with the day less 60)
   * @param coordinationNumber a samordningsnummer rather than a personnummer
   * @param start where the match begins in the text
   * @param end where it ends
   * @param masked the twelve-digit form with the last four digits masked, {@code 19121212-****}
   */
  public record IdentityNumber(LocalDate birthDate, boolean coordinationNumber, int start, int end, String masked) {}

  private IdentityNumbers() {}

  /** Every valid number in {@code text}, with centuries inferred against {@code reference}. */
  public static List<IdentityNumber> find(CharSequence text, LocalDate reference) {
    Objects.requireNonNull(reference, "reference");
    List<IdentityNumber> found = new ArrayList<>();
    Matcher m = CANDIDATE.matcher(text);
    while (m.find()) {
      int from = Math.max(0, m.start() - 30);
      if (OTHER_NUMBER.matcher(text.subSequence(from, m.start())).find()) continue;
      IdentityNumber n = validate(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), reference, m.start(), m.end());
      if (n != null) found.add(n);
    }
    return found;
  }

  /**
   * {@code text} with the last four digits of everything shaped like an identity number replaced by
   * {@link Masking#MASK}: {@code 811218-9876} and {@code 8112189876} become {@code 811218-****},
   * {@code 121212+1212} becomes {@code 121212+****}. Wider than {@link #find}: see {@code NUMBER_SHAPED}.
   */
  public static String mask(CharSequence text) {
    Matcher m = NUMBER_SHAPED.matcher(text);
    if (!m.find()) return text.toString();
    StringBuilder out = new StringBuilder(text.length());
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + ("+".equals(m.group(2)) ? "+" : "-") + Masking.MASK));
    } while (m.find());
    return m.appendTail(out).toString();
  }

  /** True when {@code text} as a whole is one valid personnummer or samordningsnummer. */
  public static boolean isValid(String text, LocalDate reference) {
    List<IdentityNumber> all = find(text.trim(), reference);
    return all.size() == 1 && all.get(0).start() == 0 && all.get(0).end() == text.trim().length();
  }

  private static IdentityNumber validate(String century, String yy, String mm, String dd, String sign,
                                         String serial, LocalDate reference, int start, int end) {
    int month = Integer.parseInt(mm);
    int dayField = Integer.parseInt(dd);
    if (month < 1 || month > 12) return null;
    boolean coordination = dayField > 60;
    int day = coordination ? dayField - 60 : dayField;
    if (day < 1) return null;
    int twoDigitYear = Integer.parseInt(yy);
    int year;
    if (century != null) {
      year = Integer.parseInt(century) * 100 + twoDigitYear;
    } else {
      year = reference.getYear() / 100 * 100 + twoDigitYear;
      if (year > reference.getYear()) year -= 100;
      if ("+".equals(sign)) year -= 100;
    }
    LocalDate date;
    try {
      date = LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
    if (century == null && date.isAfter(reference)) {
      // Born later this year than the reference date: a century earlier.
      date = date.minusYears(100);
      year -= 100;
    }
    if (!luhn(yy + mm + dd + serial)) return null;
    String masked = String.format("%04d%s%s-%s", year, mm, dd, Masking.MASK);
    return new IdentityNumber(date, coordination, start, end, masked);
  }

  static boolean luhn(String tenDigits) {
    int sum = 0;
    for (int i = 0; i < tenDigits.length(); i++) {
      int d = tenDigits.charAt(i) - '0';
      if (i % 2 == 0) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
