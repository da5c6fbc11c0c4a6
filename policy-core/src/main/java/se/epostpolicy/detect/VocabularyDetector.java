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
  }

  @Override
  public void detect(List<ScannedText> texts, DetectionContext context, Consumer<Marker> found) {
    for (ScannedText t : texts) {
      Text words = new Text(analyzer.positions(t.text()));
      boolean personHere = context.identityNumberPresent()
          || personTerms.stream().anyMatch(p -> p.find(words, null) != null)
          || personPatterns.stream().anyMatch(p -> p.matcher(t.text()).find());
      entries.forEach((type, entry) -> {
        if (entry.needsPerson && !personHere) return;
        String evidence = entry.find(t.text(), words);
        if (evidence != null) {
          found.accept(new Marker(type, t.location(), t.attachmentName(), evidence, t.protectedInTransit()));
        }
      });
    }
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
  }

  /** Terms looked up by their first word, so a text is read once per marker type, not once per term. */
  private static final class TermIndex {
    private final Map<String, List<Term>> byFirstWord = new HashMap<>();
    private final List<Term> wildcardFirst = new ArrayList<>();

    TermIndex(List<Term> terms) {
      for (Term t : terms) {
        Word first = t.words().get(0);
        if (first.anyStart() || first.anyEnd()) wildcardFirst.add(t);
        else byFirstWord.computeIfAbsent(first.text(), k -> new ArrayList<>()).add(t);
      }
    }

    /** Calls {@code hit} with each term that matches at some position (start, term). */
    void each(Text text, boolean[] blocked, java.util.function.BiPredicate<Integer, Term> hit) {
      for (int i = 0; i < text.size(); i++) {
        for (String key : text.keys(i)) {
          List<Term> candidates = byFirstWord.get(key);
          if (candidates == null) continue;
          for (Term t : candidates) {
            if (t.matchesAt(text, i, blocked) && !hit.test(i, t)) return;
          }
        }
        for (Term t : wildcardFirst) {
          if (t.matchesAt(text, i, blocked) && !hit.test(i, t)) return;
        }
      }
    }
  }

  private static final class Compiled {
    final TermIndex terms;
    final TermIndex except;
    final List<Pattern> patterns;
    final boolean needsPerson;

    Compiled(List<Term> terms, List<Pattern> patterns, List<Term> except, boolean needsPerson) {
      this.terms = new TermIndex(terms);
      this.except = new TermIndex(except);
      this.patterns = patterns;
      this.needsPerson = needsPerson;
    }

    String find(String text, Text words) {
      boolean[] blocked = new boolean[words.size()];
      except.each(words, null, (i, t) -> {
        for (int j = i; j < i + t.words().size(); j++) blocked[j] = true;
        return true;
      });
      String[] hit = {null};
      terms.each(words, blocked, (i, t) -> {
        hit[0] = t.surface(words, i);
        return false;
      });
      if (hit[0] != null) return hit[0];
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
    String find(Text text, boolean[] blocked) {
      for (int i = 0; i + words.size() <= text.size(); i++) {
        if (matchesAt(text, i, blocked)) return surface(text, i);
      }
      return null;
    }

    String surface(Text text, int i) {
      StringBuilder sb = new StringBuilder();
      for (int j = i; j < i + words.size(); j++) sb.append(j > i ? " " : "").append(text.positions.get(j).surface());
      return sb.toString();
    }

    /** True when the phrase stands at {@code i} without touching a blocked position. */
    boolean matchesAt(Text text, int i, boolean[] blocked) {
      if (i + words.size() > text.size()) return false;
      for (int j = 0; j < words.size(); j++) {
        if (blocked != null && blocked[i + j]) return false;
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
      String surface = t.positions.get(i).surface();
      if (anyStart && anyEnd) return surface.contains(text);
      if (anyStart) return surface.endsWith(text);
      if (anyEnd) return surface.startsWith(text);
      return t.keys(i).contains(text);
    }
  }
}
