package se.epostpolicy.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.epostpolicy.facts.Marker;

/**
 * What a user or a log may see of a mail: the one masking policy of the library and its command
 * line. Identity numbers keep their date and lose their last four digits ({@code 811218-****},
 * {@code 19121212-****}), in every written form (see {@link IdentityNumbers#mask}); a person's name,
 * as the vocabulary's {@code persons:} recognise one (a first name of {@code names} written with a
 * capital letter and the capitalised words after it, or a match of {@code patterns}), becomes
 * {@code ****}; an e-mail address keeps only its domain ({@code ****@gmail.com}).
 *
 * <p>A marker's evidence is the matched term: a vocabulary term's words, a code, a medicine. Of a
 * pattern it is what the pattern itself spells out, and each stretch of free text the pattern lets
 * through ({@code [^.\n]{0,40}}, {@code .*}) shows as {@code …}: "Detta 811218-9876 har cancer,
 * omfattas av sekretess" gives the evidence {@code Detta … omfattas av sekretess}. {@link Detectors}
 * masks every marker it reports, whichever detector found it, so a {@code Decision} and its
 * {@code MailFacts} never hold evidence or attachment names in clear.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2
 */
public final class Masking {

  /** What stands in for what is masked. */
  public static final String MASK = "****";

  /** What stands in for a stretch of free text left out of a marker's evidence. */
  public static final String ELLIPSIS = "…";

  private static final Locale SWEDISH = Locale.forLanguageTag("sv");
  private static final Pattern CAPITALISED = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}\\p{L}*");
  /** A further part of a name after a first name: "Anna Svensson", "Anna-Karin Lind". */
  private static final Pattern NAME_CONTINUES = Pattern.compile("[\\h-]+\\p{Lu}\\p{L}*");
  private static final Masking IDENTITY_NUMBERS_ONLY = new Masking(Set.of(), List.of());

  private final Set<String> names;
  private final List<Pattern> namePatterns;

  private Masking(Set<String> names, List<Pattern> namePatterns) {
    this.names = names;
    this.namePatterns = namePatterns;
  }

  /** Masks identity numbers and the names {@code persons} recognise. */
  public static Masking of(Vocabulary.Persons persons) {
    Objects.requireNonNull(persons, "persons");
    return new Masking(Set.copyOf(persons.names()), persons.patterns().stream().map(Pattern::compile).toList());
  }

  /** Masks identity numbers only: for text no vocabulary stands behind (a test case's description). */
  public static Masking identityNumbersOnly() {
    return IDENTITY_NUMBERS_ONLY;
  }

  /**
   * {@code text} with identity numbers and names masked: a subject, an attachment's name, a marker's
   * evidence.
   *
   * @param text any text, never {@code null}
   */
  public String text(String text) {
    String masked = IdentityNumbers.mask(Objects.requireNonNull(text, "text"));
    for (Pattern p : namePatterns) masked = p.matcher(masked).replaceAll(MASK);
    return names.isEmpty() ? masked : firstNames(masked);
  }

  /** {@code marker} with its evidence and attachment name masked. */
  public Marker marker(Marker marker) {
    String evidence = text(marker.evidence());
    String attachmentName = text(marker.attachmentName());
    if (evidence.equals(marker.evidence()) && attachmentName.equals(marker.attachmentName())) return marker;
    return new Marker(marker.type(), marker.location(), marker.zone(), attachmentName, evidence, marker.confidence(),
        marker.protectedInTransit());
  }

  /**
   * An e-mail address as it may be shown: its domain, which is what decides internal, external or
   * private provider, after {@code ****@}. The local part so often is a person's name that it is
   * always masked.
   */
  public static String address(String address) {
    int at = Objects.requireNonNull(address, "address").lastIndexOf('@');
    return at < 0 ? MASK : MASK + address.substring(at);
  }

  private String firstNames(String text) {
    Matcher word = CAPITALISED.matcher(text);
    Matcher more = NAME_CONTINUES.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    while (word.find(from)) {
      from = word.end();
      if (!names.contains(word.group().toLowerCase(SWEDISH))) continue;
      int end = word.end();
      // The surname after a first name identifies more than the first name does.
      for (int parts = 0; parts < 2 && more.region(end, text.length()).lookingAt(); parts++) end = more.end();
      if (out == null) out = new StringBuilder(text.length());
      out.append(text, copied, word.start()).append(MASK);
      copied = end;
      from = end;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /**
   * A vocabulary pattern that knows its free-text stretches: every negated character class or
   * {@code .} with a quantifier ({@code [^.\n]{0,60}}, {@code .*?}) is captured in a group of its
   * own, and so is a quantified group around one, so that {@link #evidence(Matcher)} can leave out
   * what they matched. Patterns in comments mode ({@code (?x)}) are taken as written.
   *
   * @param pattern the pattern as compiled, with the groups added
   * @param gaps how many groups were added (named {@code maskgap0}, {@code maskgap1}, …)
   */
  record EvidencePattern(Pattern pattern, int gaps) {

    private static final String GAP = "maskgap";

    /** {@code regex} compiled with its free-text stretches captured. */
    static EvidencePattern compile(String regex) {
      Pattern plain = Pattern.compile(regex);
      if ((plain.flags() & Pattern.COMMENTS) != 0 || regex.matches("(?s).*\\(\\?[a-zA-Z-]*x.*")) return new EvidencePattern(plain, 0);
      Splitter s = new Splitter(regex);
      String marked = s.marked();
      return s.gaps == 0 ? new EvidencePattern(plain, 0) : new EvidencePattern(Pattern.compile(marked, plain.flags()), s.gaps);
    }

    /**
     * The evidence of one match: the match with every free-text stretch that holds a letter or a
     * digit replaced by {@link #ELLIPSIS}, its spacing made single.
     */
    String evidence(Matcher m) {
      String text = m.group();
      List<int[]> spans = new ArrayList<>();
      for (int g = 0; g < gaps; g++) {
        int start = m.start(GAP + g);
        if (start < 0) continue;
        // A group inside a look-around can lie outside the match.
        int from = Math.max(start, m.start()) - m.start();
        int to = Math.min(m.end(GAP + g), m.end()) - m.start();
        if (from < to && text.substring(from, to).codePoints().anyMatch(Character::isLetterOrDigit)) spans.add(new int[] {from, to});
      }
      spans.sort((a, b) -> Integer.compare(a[0], b[0]));
      StringBuilder out = new StringBuilder();
      int copied = 0;
      for (int[] span : spans) {
        if (span[1] <= copied) continue;
        out.append(text, copied, Math.max(copied, span[0])).append(' ').append(ELLIPSIS).append(' ');
        copied = span[1];
      }
      out.append(text, copied, text.length());
      return out.toString().replaceAll("\\s+", " ").replaceAll("…(?: …)+", ELLIPSIS).strip();
    }
  }

  /** Reads a regular expression atom by atom and wraps its free-text stretches in named groups. */
  private static final class Splitter {
    private final String regex;
    private final StringBuilder out = new StringBuilder();
    /** For each open group: where it starts in {@code out} and whether it holds a free-text stretch. */
    private final List<int[]> open = new ArrayList<>();
    int gaps;

    Splitter(String regex) {
      this.regex = regex;
    }

    String marked() {
      int i = 0;
      while (i < regex.length()) {
        char c = regex.charAt(i);
        if (c == '\\') {
          int end = regex.startsWith("\\Q", i) ? endOfQuote(i) : Math.min(regex.length(), i + 2);
          out.append(regex, i, end);
          i = end;
        } else if (c == '[' || c == '.') {
          int end = c == '[' ? endOfClass(i) : i + 1;
          boolean free = c == '.' || regex.startsWith("[^", i);
          int quantified = endOfQuantifier(end);
          if (free && quantified > end) {
            wrap(out.length(), regex.substring(i, quantified));
            i = quantified;
          } else {
            out.append(regex, i, end);
            i = end;
          }
        } else if (c == '(') {
          open.add(new int[] {out.length(), 0});
          out.append(c);
          i++;
        } else if (c == ')' && !open.isEmpty()) {
          int[] group = open.remove(open.size() - 1);
          out.append(c);
          i++;
          int quantified = endOfQuantifier(i);
          // A repeated group keeps only its last round in a group inside it: the whole repetition is the stretch.
          if (group[1] == 1 && quantified > i) {
            String inner = out.substring(group[0]) + regex.substring(i, quantified);
            out.setLength(group[0]);
            wrap(group[0], inner);
            i = quantified;
          } else if (group[1] == 1 && !open.isEmpty()) {
            open.get(open.size() - 1)[1] = 1;
          }
        } else {
          out.append(c);
          i++;
        }
      }
      return out.toString();
    }

    private void wrap(int at, String stretch) {
      out.setLength(at);
      out.append("(?<").append(EvidencePattern.GAP).append(gaps++).append('>').append(stretch).append(')');
      if (!open.isEmpty()) open.get(open.size() - 1)[1] = 1;
    }

    private int endOfQuote(int i) {
      int end = regex.indexOf("\\E", i + 2);
      return end < 0 ? regex.length() : end + 2;
    }

    /** The index after the {@code ]} that closes the class opening at {@code i}. */
    private int endOfClass(int i) {
      int j = i + 1;
      if (j < regex.length() && regex.charAt(j) == '^') j++;
      if (j < regex.length() && regex.charAt(j) == ']') j++; // a ']' first is a literal
      int depth = 1;
      while (j < regex.length()) {
        char c = regex.charAt(j);
        if (c == '\\') {
          j += 2;
          continue;
        }
        if (c == '[') depth++;
        else if (c == ']' && --depth == 0) return j + 1;
        j++;
      }
      return regex.length();
    }

    /** The index after a quantifier that repeats more than once ({@code * + {n,m}}, lazy or possessive) at {@code i}, else {@code i}. */
    private int endOfQuantifier(int i) {
      if (i >= regex.length()) return i;
      char c = regex.charAt(i);
      int end;
      if (c == '*' || c == '+') {
        end = i + 1;
      } else if (c == '{') {
        int close = regex.indexOf('}', i);
        if (close < 0 || !regex.substring(i + 1, close).matches("\\d+(,\\d*)?")) return i;
        String[] bounds = regex.substring(i + 1, close).split(",", -1);
        boolean once = bounds.length == 1 ? Integer.parseInt(bounds[0]) <= 1 : !bounds[1].isEmpty() && Integer.parseInt(bounds[1]) <= 1;
        if (once) return i;
        end = close + 1;
      } else {
        return i;
      }
      return end < regex.length() && (regex.charAt(end) == '?' || regex.charAt(end) == '+') ? end + 1 : end;
    }
  }
}
