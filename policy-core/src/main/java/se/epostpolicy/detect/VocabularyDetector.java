package se.epostpolicy.detect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.epostpolicy.facts.Marker;
import se.epostpolicy.facts.MarkerType;

/**
 * Finds the marker types of a {@link Vocabulary} in text by its terms and patterns. Reports at
 * most one marker per type and text, with the matched term as evidence.
 *
 * @since 0.1
 */
public final class VocabularyDetector implements Detector {

  private static final Locale SWEDISH = Locale.forLanguageTag("sv");

  private final List<Term> personTerms;
  private final Map<MarkerType, Compiled> entries = new EnumMap<>(MarkerType.class);

  public VocabularyDetector(Vocabulary vocabulary) {
    this.personTerms = vocabulary.personTerms().stream().map(Term::parse).toList();
    vocabulary.markers().forEach((type, e) -> entries.put(type, new Compiled(
        e.terms().stream().map(Term::parse).toList(),
        e.patterns().stream().map(Pattern::compile).toList(),
        e.except().stream().map(Term::parse).toList(),
        e.needsPerson())));
  }

  @Override
  public void detect(List<ScannedText> texts, DetectionContext context, Consumer<Marker> found) {
    for (ScannedText t : texts) {
      Tokens tokens = Tokens.of(t.text());
      boolean personHere = context.identityNumberPresent() || personTerms.stream().anyMatch(p -> p.find(tokens, null) != null);
      entries.forEach((type, entry) -> {
        if (entry.needsPerson && !personHere) return;
        String evidence = entry.find(t.text(), tokens);
        if (evidence != null) {
          found.accept(new Marker(type, t.location(), t.attachmentName(), evidence, t.protectedInTransit()));
        }
      });
    }
  }

  private record Compiled(List<Term> terms, List<Pattern> patterns, List<Term> except, boolean needsPerson) {
    String find(String text, Tokens tokens) {
      boolean[] blocked = new boolean[tokens.size()];
      for (Term e : except) e.markAll(tokens, blocked);
      for (Term term : terms) {
        String hit = term.find(tokens, blocked);
        if (hit != null) return hit;
      }
      for (Pattern p : patterns) {
        Matcher m = p.matcher(text);
        if (m.find()) return m.group().strip();
      }
      return null;
    }
  }

  /** Text split into lower-case words of letters and digits. */
  record Tokens(List<String> words) {
    static Tokens of(String text) {
      List<String> words = new ArrayList<>();
      int i = 0;
      int n = text.length();
      while (i < n) {
        while (i < n && !Character.isLetterOrDigit(text.charAt(i))) i++;
        int start = i;
        while (i < n && Character.isLetterOrDigit(text.charAt(i))) i++;
        if (i > start) words.add(text.substring(start, i).toLowerCase(SWEDISH));
      }
      return new Tokens(words);
    }

    int size() {
      return words.size();
    }
  }

  /** One term: a phrase of word patterns. */
  record Term(List<Word> words) {
    static Term parse(String term) {
      List<Word> ws = new ArrayList<>();
      for (String w : term.trim().split("\\s+")) ws.add(Word.parse(w));
      return new Term(ws);
    }

    /** The matched words, or null. Blocked positions cannot start a match. */
    String find(Tokens tokens, boolean[] blocked) {
      for (int i = 0; i + words.size() <= tokens.size(); i++) {
        if (blocked != null && blocked[i]) continue;
        if (matchesAt(tokens, i)) return String.join(" ", tokens.words().subList(i, i + words.size()));
      }
      return null;
    }

    void markAll(Tokens tokens, boolean[] blocked) {
      for (int i = 0; i + words.size() <= tokens.size(); i++) {
        if (matchesAt(tokens, i)) {
          for (int j = i; j < i + words.size(); j++) blocked[j] = true;
        }
      }
    }

    private boolean matchesAt(Tokens tokens, int i) {
      for (int j = 0; j < words.size(); j++) {
        if (!words.get(j).matches(tokens.words().get(i + j))) return false;
      }
      return true;
    }
  }

  /** One word pattern: exact, prefix ({@code x*}), suffix ({@code *x}) or infix ({@code *x*}). */
  record Word(String stem, boolean anyStart, boolean anyEnd) {
    static Word parse(String w) {
      boolean start = w.startsWith("*");
      boolean end = w.endsWith("*") && w.length() > 1;
      String stem = w.substring(start ? 1 : 0, end ? w.length() - 1 : w.length());
      return new Word(stem, start, end);
    }

    boolean matches(String token) {
      if (anyStart && anyEnd) return token.contains(stem);
      if (anyStart) return token.endsWith(stem);
      if (anyEnd) return token.startsWith(stem);
      return token.equals(stem);
    }
  }
}
