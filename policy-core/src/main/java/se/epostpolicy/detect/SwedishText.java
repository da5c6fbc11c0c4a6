package se.epostpolicy.detect;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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

  /** One word of the text: its surface form and the vocabulary words found inside it. */
  record Position(String surface, Set<String> parts) {}

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

  /** @param words the vocabulary's plain words, lower-case, looked for inside compounds */
  SwedishText(Collection<String> words) {
    this.dictionary = CharArraySet.unmodifiableSet(new CharArraySet(words, true));
  }

  List<Position> positions(String text) {
    List<Position> out = new ArrayList<>();
    try (StandardTokenizer tokenizer = new StandardTokenizer()) {
      tokenizer.setReader(new StringReader(text));
      TokenStream stream = new LowerCaseFilter(tokenizer);
      if (!dictionary.isEmpty()) {
        stream = new DictionaryCompoundWordTokenFilter(stream, dictionary, MIN_WORD, MIN_SUBWORD, MAX_SUBWORD, false);
      }
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      String surface = null;
      List<String> parts = new ArrayList<>();
      while (stream.incrementToken()) {
        if (increment.getPositionIncrement() > 0 || surface == null) {
          if (surface != null) out.add(new Position(surface, Set.copyOf(parts)));
          surface = term.toString();
          parts.clear();
        } else {
          parts.add(term.toString());
        }
      }
      if (surface != null) out.add(new Position(surface, Set.copyOf(parts)));
      stream.end();
      stream.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return out;
  }

  /** True when the text word at {@code p} is {@code word}, inflected, or a compound headed by it. */
  static boolean matches(String word, Position p) {
    String s = p.surface();
    if (inflectionOf(word, s)) return true;
    if (p.parts().contains(word)) {
      // the compound's head is the vocabulary word: what follows it is an ending, what precedes a modifier
      int at = s.lastIndexOf(word);
      if (at >= MIN_MODIFIER && ending(s.substring(at + word.length()))) return true;
    }
    // Snowball reads irregular forms back to their stem; only a vocabulary word that is that stem counts,
    // so "patienterna" is not read as "patienten", nor "diagnosen" as "diagnoser".
    return word.length() >= MIN_STEM && word.equals(snowball(s));
  }

  private static boolean inflectionOf(String word, String s) {
    if (!s.startsWith(word)) {
      // words in -e drop it before some endings (kallelse → kallelser is regular; pojke → pojkar is not)
      return word.endsWith("e") && s.startsWith(word.substring(0, word.length() - 1))
          && ending(s.substring(word.length() - 1)) && s.length() > word.length();
    }
    return ending(s.substring(word.length()));
  }

  private static boolean ending(String rest) {
    return rest.isEmpty() || ENDINGS.contains(rest);
  }

  static String snowball(String word) {
    SwedishStemmer stemmer = new SwedishStemmer();
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }
}
