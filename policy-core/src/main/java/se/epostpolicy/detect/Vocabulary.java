package se.epostpolicy.detect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import se.epostpolicy.facts.MarkerType;

/**
 * The words and patterns that mark content, per marker type: data that ships with a rule pack
 * ({@code markers.yaml}) so rule authors can read and extend it.
 *
 * <p>A term is lower-case words separated by spaces (a phrase). In a word, {@code *} at the end
 * matches any ending ({@code diagnos*}: diagnosen, diagnoserna) and at the start any compound head
 * ({@code *journal}: patientjournal). {@code except} terms cancel a term where they match
 * ({@code remissvar*} beside {@code remiss*}). Patterns are Java regular expressions, case-sensitive
 * unless they say {@code (?i)}. With {@code needsPerson}, the marker counts only when the message
 * names a person: an identity number anywhere, or a {@code personTerms} word in the same text.
 *
 * @param personTerms terms that refer to a person ({@code patienten}, {@code klienten})
 * @param personPatterns regular expressions that find a named person ({@code Per Ek})
 * @param markers the entries per marker type
 * @since 0.1
 */
public record Vocabulary(List<String> personTerms, List<String> personPatterns, Map<MarkerType, Entry> markers) {

  /**
   * The words of one marker type.
   *
   * @param terms terms that mark the content
   * @param patterns regular expressions that mark it
   * @param except terms that cancel a match of {@code terms} where they match
   * @param needsPerson the marker needs a person reference
   */
  public record Entry(List<String> terms, List<String> patterns, List<String> except, boolean needsPerson) {
    public Entry {
      terms = lower(terms);
      patterns = patterns == null ? List.of() : List.copyOf(patterns);
      except = lower(except);
    }
  }

  public Vocabulary {
    personTerms = lower(personTerms);
    personPatterns = personPatterns == null ? List.of() : List.copyOf(personPatterns);
    markers = markers == null || markers.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(markers));
  }

  /** An empty vocabulary: only identity numbers are found. */
  public static Vocabulary empty() {
    return new Vocabulary(List.of(), List.of(), Map.of());
  }

  /**
   * This vocabulary with {@code other}'s entries added: terms, patterns and exceptions are joined,
   * and {@code needsPerson} is taken from {@code other} where it has the type.
   */
  public Vocabulary extendedBy(Vocabulary other) {
    List<String> persons = join(personTerms, other.personTerms);
    Map<MarkerType, Entry> merged = new EnumMap<>(MarkerType.class);
    merged.putAll(markers);
    other.markers.forEach((type, e) -> merged.merge(type, e, (a, b) -> new Entry(join(a.terms, b.terms),
        join(a.patterns, b.patterns), join(a.except, b.except), b.needsPerson)));
    return new Vocabulary(persons, join(personPatterns, other.personPatterns), merged);
  }

  /** Problems a rule author must fix: bad regular expressions, empty words. Empty when sound. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    for (String p : personPatterns) {
      try {
        Pattern.compile(p);
      } catch (PatternSyntaxException ex) {
        out.add("personPatterns: pattern does not compile: " + ex.getDescription());
      }
    }
    markers.forEach((type, e) -> {
      for (String p : e.patterns) {
        try {
          Pattern.compile(p);
        } catch (PatternSyntaxException ex) {
          out.add(type + ": pattern does not compile: " + ex.getDescription());
        }
      }
      for (String t : join(e.terms, e.except)) {
        if (t.isBlank() || t.replace("*", "").isBlank()) out.add(type + ": empty term");
      }
    });
    return out;
  }

  private static List<String> lower(List<String> terms) {
    if (terms == null) return List.of();
    List<String> out = new ArrayList<>();
    for (String t : terms) out.add(Objects.requireNonNull(t, "term").trim().toLowerCase(Locale.forLanguageTag("sv")));
    return List.copyOf(out);
  }

  private static <T> List<T> join(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    for (T t : b) if (!out.contains(t)) out.add(t);
    return List.copyOf(out);
  }
}
