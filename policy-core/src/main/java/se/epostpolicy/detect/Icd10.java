package se.epostpolicy.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ICD-10 codes (the WHO classification, as ICD-10-SE uses it) in text: a letter, two digits and
 * an optional subdivision ({@code F32.1}, {@code E11.9}, {@code S72.00}, {@code J45}). A code counts
 * only when its three-character category lies in a block the classification defines, so
 * {@code U12}, {@code D49} or {@code K99} are no codes. Whether a code is used as a diagnosis is
 * the caller's judgement from context; {@link #find} says what it saw: the subdivision, a care word
 * just before it, or a room, course or model word just before it.
 *
 * @since 0.2
 */
final class Icd10 {

  /** The blocks of ICD-10 chapters I–XXII, first and last category of each. */
  private static final String BLOCKS =
      "A00-A09 A15-A19 A20-A28 A30-A49 A50-A64 A65-A69 A70-A74 A75-A79 A80-A89 A90-A99 B00-B09 B15-B19 B20-B24 B25-B34 "
          + "B35-B49 B50-B64 B65-B83 B85-B89 B90-B94 B95-B98 B99-B99 C00-C97 D00-D09 D10-D36 D37-D48 D50-D53 D55-D59 D60-D64 "
          + "D65-D69 D70-D77 D80-D89 E00-E07 E10-E14 E15-E16 E20-E35 E40-E46 E50-E64 E65-E68 E70-E90 F00-F99 G00-G14 G20-G26 "
          + "G30-G32 G35-G37 G40-G47 G50-G64 G70-G73 G80-G83 G90-G99 H00-H06 H10-H13 H15-H22 H25-H28 H30-H36 H40-H59 H60-H62 "
          + "H65-H75 H80-H83 H90-H95 I00-I02 I05-I15 I20-I28 I30-I52 I60-I89 I95-I99 J00-J06 J09-J18 J20-J22 J30-J47 J60-J70 "
          + "J80-J86 J90-J99 K00-K14 K20-K31 K35-K38 K40-K46 K50-K52 K55-K67 K70-K77 K80-K87 K90-K93 L00-L08 L10-L14 L20-L30 "
          + "L40-L45 L50-L75 L80-L99 M00-M03 M05-M25 M30-M36 M40-M43 M45-M54 M60-M63 M65-M79 M80-M99 N00-N08 N10-N23 N25-N51 "
          + "N60-N64 N70-N77 N80-N99 O00-O08 O10-O16 O20-O48 O60-O75 O80-O92 O94-O99 P00-P08 P10-P15 P20-P29 P35-P39 P50-P61 "
          + "P70-P83 P90-P96 Q00-Q07 Q10-Q18 Q20-Q28 Q30-Q45 Q50-Q56 Q60-Q99 R00-R23 R25-R99 S00-S99 T00-T98 U07-U07 "
          + "V01-V99 W00-W99 X00-X99 Y00-Y98 Z00-Z99";

  private static final Pattern CODE = Pattern.compile("(?<![\\p{L}\\d.,/-])([A-Z])(\\d{2})(?:\\.(\\d{1,2}[A-Z]?))?(?![\\p{L}\\d]|[.,/-]\\d)");
  /** Words before a code that say it is a diagnosis. */
  private static final Pattern CARE_BEFORE = Pattern.compile(
      "(?iu)(?:diagnos\\w*|dg|icd(?:-?10)?(?:-se)?|diagnoskod\\w*|huvuddiagnos|bidiagnos|kod(?:en)?|sjukdom\\w*|behandlas för|"
          + "utredd för|utreds för|vårdas för|insjuknat i|pga\\.?|på grund av|diagnosis|diagnosed with|code)\\s*:?\\s*$");
  /** Words before a code that say it is something else: a room, course, model, form, line or article. */
  private static final Pattern OTHER_BEFORE = Pattern.compile(
      "(?iu)(?:sal|salen|rum|rummet|lokal|lokalen|hus|huset|plan|våning|korridor|byggnad|hiss|ingång|entré|port|kurs|kursen|"
          + "kurskod|exempel|exemplet|t\\.ex\\.?|övning|uppgift|modell|modellen|version|artikel|art\\.?|artikelnummer|blankett|"
          + "formulär|linje|buss|tåg|spår|väg|rad|kolumn|cell|ruta|fält|kategori|klass|grupp|avdelning|room|course|model|"
          + "bus|line|form|example|e\\.g\\.|item|table|sheet|version|vers\\.?|nr\\.?|nummer|område|zon|sektion|block)\\s*:?\\s*$");
  private static final int[][] RANGES = ranges();

  /**
   * One code in a text.
   *
   * @param code the code as written ({@code F32.1})
   * @param start where it begins
   * @param end where it ends
   * @param subdivided it has a subdivision after the dot, the way diagnoses are written
   * @param careWordBefore a diagnosis word stands just before it ({@code diagnos}, {@code dg}, {@code ICD-10})
   * @param otherWordBefore a room, course, model or form word stands just before it
   */
  public record Code(String code, int start, int end, boolean subdivided, boolean careWordBefore, boolean otherWordBefore) {
    /** The code is used as a diagnosis as far as the text says: subdivided or introduced by a care word, and not a room or course. */
    public boolean diagnosis() {
      return !otherWordBefore && (subdivided || careWordBefore);
    }
  }

  private Icd10() {}

  /** True when {@code category} (a letter and two digits) is in a block of the classification. */
  public static boolean isCategory(String category) {
    if (category == null || category.length() != 3) return false;
    char letter = Character.toUpperCase(category.charAt(0));
    if (letter < 'A' || letter > 'Z' || !Character.isDigit(category.charAt(1)) || !Character.isDigit(category.charAt(2))) return false;
    int value = (letter - 'A') * 100 + Integer.parseInt(category.substring(1));
    for (int[] r : RANGES) if (value >= r[0] && value <= r[1]) return true;
    return false;
  }

  /** Every code in {@code text} whose category exists. */
  public static List<Code> find(CharSequence text) {
    List<Code> out = new ArrayList<>();
    Matcher m = CODE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int from = 0;
    // The expression runs only where a capital letter stands before two digits: most text has none.
    for (int at = nextCandidate(text, from); at >= 0; at = nextCandidate(text, from)) {
      m.region(at, text.length());
      if (!m.lookingAt()) {
        from = at + 1;
        continue;
      }
      from = m.end();
      if (!isCategory(m.group(1) + m.group(2))) continue;
      CharSequence before = text.subSequence(Math.max(0, m.start() - 30), m.start());
      out.add(new Code(m.group(), m.start(), m.end(), m.group(3) != null,
          CARE_BEFORE.matcher(before).find(), OTHER_BEFORE.matcher(before).find()));
    }
    return out;
  }

  private static int nextCandidate(CharSequence text, int from) {
    for (int i = from; i + 2 < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z' && Character.isDigit(text.charAt(i + 1)) && Character.isDigit(text.charAt(i + 2))) return i;
    }
    return -1;
  }

  private static int[][] ranges() {
    String[] blocks = BLOCKS.trim().split("\\s+");
    int[][] out = new int[blocks.length][];
    for (int i = 0; i < blocks.length; i++) {
      String[] ends = blocks[i].split("-");
      out[i] = new int[] {value(ends[0]), value(ends[1])};
    }
    return out;
  }

  private static int value(String category) {
    return (category.toUpperCase(Locale.ROOT).charAt(0) - 'A') * 100 + Integer.parseInt(category.substring(1));
  }
}
