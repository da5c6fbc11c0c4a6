package se.epostpolicy.detect;

import java.util.ArrayList;
import java.util.EnumMap;
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
      List<SwedishText.Position> words = analyzer.positions(t.text());
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

  private record Compiled(List<Term> terms, List<Pattern> patterns, List<Term> except, boolean needsPerson) {
    String find(String text, List<SwedishText.Position> words) {
      boolean[] blocked = new boolean[words.size()];
      for (Term e : except) e.markAll(words, blocked);
      for (Term term : terms) {
        String hit = term.find(words, blocked);
        if (hit != null) return hit;
      }
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

    /** The matched surface words, or null. A match may not touch a blocked position. */
    String find(List<SwedishText.Position> text, boolean[] blocked) {
      for (int i = 0; i + words.size() <= text.size(); i++) {
        if (blocked != null && anyBlocked(blocked, i, i + words.size())) continue;
        if (matchesAt(text, i)) {
          StringBuilder sb = new StringBuilder();
          for (int j = i; j < i + words.size(); j++) sb.append(j > i ? " " : "").append(text.get(j).surface());
          return sb.toString();
        }
      }
      return null;
    }

    private static boolean anyBlocked(boolean[] blocked, int from, int to) {
      for (int j = from; j < to; j++) if (blocked[j]) return true;
      return false;
    }

    void markAll(List<SwedishText.Position> text, boolean[] blocked) {
      for (int i = 0; i + words.size() <= text.size(); i++) {
        if (matchesAt(text, i)) {
          for (int j = i; j < i + words.size(); j++) blocked[j] = true;
        }
      }
    }

    private boolean matchesAt(List<SwedishText.Position> text, int i) {
      for (int j = 0; j < words.size(); j++) {
        if (!words.get(j).matches(text.get(i + j))) return false;
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

    boolean matches(SwedishText.Position p) {
      if (anyStart && anyEnd) return p.surface().contains(text);
      if (anyStart) return p.surface().endsWith(text);
      if (anyEnd) return p.surface().startsWith(text);
      return SwedishText.matches(text, p);
    }
  }
}
