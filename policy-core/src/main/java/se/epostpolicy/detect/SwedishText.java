package se.epostpolicy.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * Swedish words as a rule author means them. Text is split into word positions by Lucene's
 * standard tokenizer, lower-cased, and run through Lucene's dictionary decompounder with the
 * vocabulary's words as dictionary, so each position knows the vocabulary words inside it.
 *
 * <p>A vocabulary word {@code w} matches a word of the text when the text word is {@code w} with
 * a Swedish inflection ({@code diagnos}: diagnosen, diagnoser, diagnoserna; {@code beslut}:
 * beslutet), when it is a compound whose head is {@code w}, inflected or not ({@code journal}:
 * patientjournalen, not journalföra), or when Lucene's Snowball stemmer reads the text word back to
 * {@code w} itself. Comparing stems both ways does not do: Lucene's Swedish stemmers read
 * {@code diagnos} as "diagno" but {@code diagnosen} as "diagnos", leave {@code avtalet} whole, and
 * put {@code patienterna} and {@code patienten} on one stem.
 * Thread-safe.
 */
final class SwedishText {

  /** One word of the text: its surface form, the vocabulary words found inside it, and where it stands. */
  record Position(String surface, Set<String> parts, int start, int end) {}

  /** Inflectional endings of Swedish nouns, adjectives and verbs, longest first. */
  private static final List<String> ENDINGS = List.of(
      "ernas", "arnas", "ornas", "erna", "arna", "orna", "ens", "ets", "ade", "ats", "ers", "ars", "ors", "nas",
      "ena", "en", "et", "er", "ar", "or", "na", "ns", "es", "as", "at", "de", "te", "re", "ts", "n", "t", "s", "e", "a", "r");
  private static final int MIN_WORD = 5;
  private static final int MIN_SUBWORD = 3;
  private static final int MAX_SUBWORD = 25;
  private static final int MIN_MODIFIER = 3;
  private static final int MIN_STEM = 5;

  private final CharArraySet dictionary;
  /**
   * The tokenizer chain. A Lucene {@link Analyzer} keeps one chain per thread and reuses it for
   * every text instead of building a tokenizer and decompounder per text (measured: no change in
   * the command line's time per message; kept as Lucene's intended use).
   */
  private final Analyzer analyzer;

  /** @param words the vocabulary's plain words, lower-case, looked for inside compounds */
  SwedishText(Collection<String> words) {
    this.dictionary = CharArraySet.unmodifiableSet(new CharArraySet(words, true));
    this.analyzer = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        if (!dictionary.isEmpty()) {
          stream = new DictionaryCompoundWordTokenFilter(stream, dictionary, MIN_WORD, MIN_SUBWORD, MAX_SUBWORD, false);
        }
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }

  List<Position> positions(String text) {
    List<Position> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      String surface = null;
      int start = 0;
      int end = 0;
      List<String> parts = new ArrayList<>();
      while (stream.incrementToken()) {
        if (increment.getPositionIncrement() > 0 || surface == null) {
          if (surface != null) out.add(new Position(surface, Set.copyOf(parts), start, end));
          surface = term.toString();
          start = offset.startOffset();
          end = offset.endOffset();
          parts.clear();
        } else {
          parts.add(term.toString());
        }
      }
      if (surface != null) out.add(new Position(surface, Set.copyOf(parts), start, end));
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return out;
  }

  /**
   * Every vocabulary word the text word at {@code p} can stand for: itself, itself less an
   * inflectional ending (with a dropped final -e restored), the compound heads found in it, and its
   * Snowball stem. A vocabulary word matches the position when the set holds it, so a vocabulary
   * is looked up by key instead of tried word by word.
   */
  static Set<String> keys(Position p) {
    String s = p.surface();
    Set<String> keys = new java.util.HashSet<>();
    keys.add(s);
    for (String e : ENDINGS) {
      if (s.length() > e.length() && s.endsWith(e)) {
        String base = s.substring(0, s.length() - e.length());
        keys.add(base);
        keys.add(base + "e");
      }
    }
    for (String part : p.parts()) {
      int at = s.lastIndexOf(part);
      if (at >= MIN_MODIFIER && ending(s.substring(at + part.length()))) keys.add(part);
    }
    String stem = snowball(s);
    if (stem.length() >= MIN_STEM) keys.add(stem);
    return keys;
  }

  private static boolean ending(String rest) {
    return rest.isEmpty() || ENDINGS.contains(rest);
  }

  /** Snowball stemmers keep state between calls: one per thread, reused for every word. */
  private static final ThreadLocal<SwedishStemmer> STEMMER = ThreadLocal.withInitial(SwedishStemmer::new);

  static String snowball(String word) {
    SwedishStemmer stemmer = STEMMER.get();
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }
}
