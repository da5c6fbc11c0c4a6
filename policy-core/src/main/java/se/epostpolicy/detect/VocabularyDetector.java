package se.epostpolicy.detect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.epostpolicy.facts.Marker;
import se.epostpolicy.facts.MarkerType;

/**
 * Finds the marker types of a {@link Vocabulary} in Swedish text. A vocabulary word finds its
 * inflections ({@code diagnos}: diagnosen, diagnoserna) and the compounds it is the head of
 * ({@code journal}: patientjournalen); see {@code SwedishText}. A word with {@code *} is compared
 * with the surface form instead ({@code remissvar*}). Reports at most one marker per type
 * and text, with the matched words as evidence. Thread-safe.
 *
 * @since 0.1
 */
public final class VocabularyDetector implements Detector {

  private final SwedishText analyzer;
  private final List<Term> personTerms;
  private final List<Pattern> personPatterns;
  private final Map<MarkerType, Compiled> entries = new EnumMap<>(MarkerType.class);
  /** Every marker type's terms and exceptions, by first word: a text is read once for all types. */
  private final TermIndex index;

  public VocabularyDetector(Vocabulary vocabulary) {
    Set<String> words = new LinkedHashSet<>();
    List<String> all = new ArrayList<>(vocabulary.personTerms());
    vocabulary.markers().values().forEach(e -> {
      all.addAll(e.terms());
      all.addAll(e.except());
    });
    for (String term : all) {
      for (String w : term.split("\\s+")) if (!w.contains("*") && w.length() >= 3) words.add(w);
    }
    this.analyzer = new SwedishText(words);
    this.personTerms = vocabulary.personTerms().stream().map(Term::parse).toList();
    this.personPatterns = vocabulary.personPatterns().stream().map(Pattern::compile).toList();
    vocabulary.markers().forEach((type, e) -> entries.put(type, new Compiled(
        e.terms().stream().map(Term::parse).toList(),
        e.patterns().stream().map(Pattern::compile).toList(),
        e.except().stream().map(Term::parse).toList(),
        e.needsPerson())));
    List<Entry> indexed = new ArrayList<>();
    entries.forEach((type, c) -> {
      c.terms.forEach(t -> indexed.add(new Entry(type, t, false)));
      c.except.forEach(t -> indexed.add(new Entry(type, t, true)));
    });
    this.index = new TermIndex(indexed);
  }

  /** A term of one marker type, or one of its exceptions. */
  private record Entry(MarkerType type, Term term, boolean except) {}

  @Override
  public void detect(List<ScannedText> texts, DetectionContext context, Consumer<Marker> found) {
    for (ScannedText t : texts) {
      Text words = new Text(analyzer.positions(t.text()));
      boolean personHere = context.identityNumberPresent()
          || personTerms.stream().anyMatch(p -> p.find(words) != null)
          || personPatterns.stream().anyMatch(p -> p.matcher(t.text()).find());
      // One pass over the text: where each type's terms and exceptions stand.
      Map<MarkerType, boolean[]> blocked = new EnumMap<>(MarkerType.class);
      Map<MarkerType, List<int[]>> hits = new EnumMap<>(MarkerType.class);
      List<Entry> entriesAt = new ArrayList<>();
      for (int i = 0; i < words.size(); i++) {
        entriesAt.clear();
        index.candidates(words, i, entriesAt);
        for (Entry e : entriesAt) {
          if (!e.term.matchesAt(words, i)) continue;
          if (e.except) {
            boolean[] b = blocked.computeIfAbsent(e.type, k -> new boolean[words.size()]);
            for (int j = i; j < i + e.term.words().size(); j++) b[j] = true;
          } else {
            hits.computeIfAbsent(e.type, k -> new ArrayList<>()).add(new int[] {i, e.term.words().size()});
          }
        }
      }
      entries.forEach((type, entry) -> {
        if (entry.needsPerson && !personHere) return;
        String evidence = firstUnblocked(words, hits.get(type), blocked.get(type));
        if (evidence == null) evidence = entry.firstPattern(t.text());
        if (evidence != null) {
          found.accept(new Marker(type, t.location(), t.attachmentName(), evidence, t.protectedInTransit()));
        }
      });
    }
  }

  private static String firstUnblocked(Text words, List<int[]> hits, boolean[] blocked) {
    if (hits == null) return null;
    outer:
    for (int[] h : hits) {
      if (blocked != null) {
        for (int j = h[0]; j < h[0] + h[1]; j++) if (blocked[j]) continue outer;
      }
      return words.surface(h[0], h[1]);
    }
    return null;
  }

  /** A text's word positions and, computed once, the vocabulary words each position can stand for. */
  private static final class Text {
    final List<SwedishText.Position> positions;
    private final List<Set<String>> keys;

    Text(List<SwedishText.Position> positions) {
      this.positions = positions;
      this.keys = new ArrayList<>(positions.size());
      for (SwedishText.Position p : positions) keys.add(SwedishText.keys(p));
    }

    int size() {
      return positions.size();
    }

    Set<String> keys(int i) {
      return keys.get(i);
    }

    String surface(int from, int length) {
      StringBuilder sb = new StringBuilder();
      for (int j = from; j < from + length; j++) sb.append(j > from ? " " : "").append(positions.get(j).surface());
      return sb.toString();
    }
  }

  /** Entries looked up by the first word of their term; terms starting with a wildcard are tried everywhere. */
  private static final class TermIndex {
    private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
    private final List<Entry> wildcardFirst = new ArrayList<>();

    TermIndex(List<Entry> entries) {
      for (Entry e : entries) {
        Word first = e.term.words().get(0);
        if (first.anyStart() || first.anyEnd()) wildcardFirst.add(e);
        else byFirstWord.computeIfAbsent(first.text(), k -> new ArrayList<>()).add(e);
      }
    }

    void candidates(Text text, int i, List<Entry> out) {
      for (String key : text.keys(i)) {
        List<Entry> c = byFirstWord.get(key);
        if (c != null) out.addAll(c);
      }
      String surface = text.positions.get(i).surface();
      for (Entry e : wildcardFirst) {
        if (e.term.words().get(0).matchesSurface(surface)) out.add(e);
      }
    }
  }

  private static final class Compiled {
    final List<Term> terms;
    final List<Term> except;
    final List<Pattern> patterns;
    final boolean needsPerson;

    Compiled(List<Term> terms, List<Pattern> patterns, List<Term> except, boolean needsPerson) {
      this.terms = terms;
      this.except = except;
      this.patterns = patterns;
      this.needsPerson = needsPerson;
    }

    String firstPattern(String text) {
      for (Pattern p : patterns) {
        Matcher m = p.matcher(text);
        if (m.find()) return m.group().strip();
      }
      return null;
    }
  }

  /** One term: a phrase of word patterns at consecutive positions. */
  private record Term(List<Word> words) {
    static Term parse(String term) {
      List<Word> ws = new ArrayList<>();
      for (String w : term.trim().toLowerCase(Locale.forLanguageTag("sv")).split("\\s+")) ws.add(Word.parse(w));
      return new Term(ws);
    }

    /** The matched surface words anywhere in {@code text}, or null (for person terms). */
    String find(Text text) {
      for (int i = 0; i + words.size() <= text.size(); i++) {
        if (matchesAt(text, i)) return text.surface(i, words.size());
      }
      return null;
    }

    boolean matchesAt(Text text, int i) {
      if (i + words.size() > text.size()) return false;
      for (int j = 0; j < words.size(); j++) {
        if (!words.get(j).matches(text, i + j)) return false;
      }
      return true;
    }
  }

  /** A word: inflections and compound heads of it, or a surface pattern with {@code *}. */
  private record Word(String text, boolean anyStart, boolean anyEnd) {
    static Word parse(String w) {
      boolean start = w.startsWith("*");
      boolean end = w.endsWith("*") && w.length() > 1;
      return new Word(w.substring(start ? 1 : 0, end ? w.length() - 1 : w.length()), start, end);
    }

    boolean matches(Text t, int i) {
      return anyStart || anyEnd ? matchesSurface(t.positions.get(i).surface()) : t.keys(i).contains(text);
    }

    boolean matchesSurface(String surface) {
      if (anyStart && anyEnd) return surface.contains(text);
      if (anyStart) return surface.endsWith(text);
      if (anyEnd) return surface.startsWith(text);
      return surface.equals(text);
    }
  }
}
