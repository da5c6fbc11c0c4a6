package se.epostpolicy.detect;

import java.util.ArrayList;
import java.util.Arrays;
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
import se.epostpolicy.facts.Confidence;
import se.epostpolicy.facts.Direction;
import se.epostpolicy.facts.Location;
import se.epostpolicy.facts.Marker;
import se.epostpolicy.facts.MarkerType;
import se.epostpolicy.facts.Zone;

/**
 * Finds the marker types of a {@link Vocabulary} in Swedish (and English) text. A vocabulary word
 * finds its inflections ({@code diagnos}: diagnosen, diagnoserna) and the compounds it is the head
 * of ({@code journal}: patientjournalen); see {@code SwedishText}. A word with {@code *} is
 * compared with the surface form instead ({@code remissvar*}).
 *
 * <p>Evidence is weighed the way Presidio and Purview weigh a match: a person-bound type needs a
 * reference to the person near its evidence (an identity number, "patienten", a name; the
 * writer's "jag" when the writer is outside, the reader's "du" when the mail goes outside), never
 * in a signature or disclaimer; a reference in the subject, or in an attachment's name, holds for
 * the whole message or that attachment. ICD-10 codes, medicines with a dose and the entry's
 * patterns are strong evidence. Context words near the evidence are required or exclude it (the
 * act, not the topic). Reports at most one marker per type, text and zone, the strongest, with
 * the matched words as evidence: of a pattern, only its own words, each stretch of free text it lets
 * through shown as {@code …} (see {@link Masking}). Thread-safe.
 *
 * @since 0.1
 */
final class VocabularyDetector implements Detector {

  private static final Pattern DOSE = Pattern.compile(
      "(?iu)^[\\s:,(]{0,3}(?:[\\p{L}-]+\\s+){0,3}?(?:\\d+(?:[.,]\\d+)?\\s?(?:mg|g|mikrogram|µg|mcg|ug|ml|e|ie|enheter|units?|mmol|"
          + "milligram|gram)\\b|\\d\\s?[x×]\\s?\\d|\\d+\\s?(?:tabletter|tablett|tabl|kapslar|kapsel|doser|dos|droppar|puffar|sprutor)\\b)");

  private static final Set<String> GREETINGS = Set.of("hej", "hejsan", "hallå", "tjena", "hi", "hello", "dear", "kära",
      "morgon", "eftermiddag", "käre", "bäste", "bästa");

  private final SwedishText analyzer;
  private final List<Pattern> personPatterns;
  private final Set<String> names;
  private final Set<String> drugs;
  private final Map<MarkerType, Compiled> entries = new EnumMap<>(MarkerType.class);
  /** Every term of every kind, by first word: a text is read once for all types and persons. */
  private final TermIndex index;

  public VocabularyDetector(Vocabulary vocabulary) {
    Set<String> words = new LinkedHashSet<>();
    Vocabulary.Persons persons = vocabulary.persons();
    List<Entry> indexed = new ArrayList<>();
    persons.terms().forEach(t -> indexed.add(new Entry(null, Term.parse(t), Kind.PERSON)));
    persons.firstPerson().forEach(t -> indexed.add(new Entry(null, Term.parse(t), Kind.FIRST_PERSON)));
    persons.secondPerson().forEach(t -> indexed.add(new Entry(null, Term.parse(t), Kind.SECOND_PERSON)));
    vocabulary.markers().forEach((type, e) -> {
      entries.put(type, new Compiled(e, e.patterns().stream().map(Masking.EvidencePattern::compile).toList()));
      e.terms().forEach(t -> indexed.add(new Entry(type, Term.parse(t), Kind.TERM)));
      e.weakTerms().forEach(t -> indexed.add(new Entry(type, Term.parse(t), Kind.WEAK)));
      e.except().forEach(t -> indexed.add(new Entry(type, Term.parse(t), Kind.EXCEPT)));
      e.context().requires().forEach(t -> indexed.add(new Entry(type, Term.parse(t), Kind.REQUIRES)));
      e.context().excludes().forEach(t -> indexed.add(new Entry(type, Term.parse(t), Kind.EXCLUDES)));
    });
    for (Entry e : indexed) {
      for (Word w : e.term.words()) if (!w.anyStart() && !w.anyEnd() && w.text().length() >= 3) words.add(w.text());
    }
    this.analyzer = new SwedishText(words);
    this.personPatterns = persons.patterns().stream().map(Pattern::compile).toList();
    this.names = Set.copyOf(persons.names());
    this.drugs = Set.copyOf(vocabulary.drugs());
    this.index = new TermIndex(indexed);
  }

  private enum Kind { TERM, WEAK, EXCEPT, REQUIRES, EXCLUDES, PERSON, FIRST_PERSON, SECOND_PERSON }

  /** A term of one marker type (its words, exceptions or context words), or a person word. */
  private record Entry(MarkerType type, Term term, Kind kind) {}

  /** A piece of evidence: where it stands in words, how long, how strong, whether it needs a context word, and what it says. */
  private record Evidence(int at, int length, boolean strong, boolean weak, String surface) {
    Evidence(int at, int length, boolean strong, String surface) {
      this(at, length, strong, false, surface);
    }
  }

  @Override
  public void detect(List<ScannedText> texts, DetectionContext context, Consumer<Marker> found) {
    List<Analysed> analysed = new ArrayList<>(texts.size());
    for (ScannedText t : texts) analysed.add(analyse(t, context));
    // References that hold beyond their own text: the subject's for the message, a file name's for its attachment.
    Confidence subjectReference = null;
    Map<String, Confidence> nameReference = new HashMap<>();
    boolean personAnywhere = false;
    for (Analysed a : analysed) {
      Confidence level = a.identities.length > 0 ? Confidence.HIGH : a.references.length > 0 ? Confidence.MEDIUM : null;
      if (level == null) continue;
      personAnywhere = true;
      if (a.text.location() == Location.SUBJECT) subjectReference = max(subjectReference, level);
      if (a.text.location() == Location.ATTACHMENT_NAME) nameReference.merge(a.text.attachmentName(), level, VocabularyDetector::max);
    }
    for (Analysed a : analysed) {
      Confidence inherited = max(subjectReference, a.text.location() == Location.SUBJECT ? null : nameReference.get(a.text.attachmentName()));
      for (Map.Entry<MarkerType, Compiled> te : entries.entrySet()) {
        MarkerType type = te.getKey();
        Compiled c = te.getValue();
        Map<Zone, Marker> best = new EnumMap<>(Zone.class);
        for (Evidence ev : a.evidence.getOrDefault(type, List.of())) {
          Zone zone = a.zone(ev.at);
          if (!c.entry.zones().contains(zone) || a.blocked(type, ev)) continue;
          Vocabulary.Context ctx = c.entry.context();
          // A weak phrase counts with a context word near it, or with an identity number near it ("Remiss 19121212-1212").
          if (ev.weak && !a.near(a.cue(type, Kind.REQUIRES), ev, ctx.window()) && !a.near(a.identities, ev, ctx.window())) continue;
          boolean topic = !ctx.excludes().isEmpty() && a.near(a.cue(type, Kind.EXCLUDES), ev, ctx.window());
          // A topic word near the evidence rules out a type that needs no person; for a person-bound
          // type it leaves only what an identity number near the evidence supports.
          if (topic && !c.entry.needsPerson()) continue;
          Confidence confidence = confidence(c.entry, a, ev, inherited, personAnywhere);
          if (confidence == null) continue;
          if (topic) confidence = a.near(a.identities, ev, c.entry.personWindow()) ? Confidence.MEDIUM : Confidence.LOW;
          Marker current = best.get(zone);
          if (current == null || confidence.compareTo(current.confidence()) > 0) {
            best.put(zone, new Marker(type, a.text.location(), zone, a.text.attachmentName(), ev.surface, confidence,
                a.text.protectedInTransit()));
          }
        }
        best.values().forEach(found);
      }
    }
  }

  private static Confidence confidence(Vocabulary.Entry entry, Analysed a, Evidence ev, Confidence inherited, boolean personAnywhere) {
    if (!entry.needsPerson()) return Confidence.HIGH;
    int window = entry.personWindow();
    if (a.near(a.identities, ev, window) || inherited == Confidence.HIGH) return Confidence.HIGH;
    if (a.near(a.references, ev, window) || inherited != null) return ev.strong ? Confidence.HIGH : Confidence.MEDIUM;
    if (personAnywhere) return Confidence.LOW;
    return null;
  }

  private static Confidence max(Confidence a, Confidence b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** One text read once: its words, zones, person references and every type's evidence and cues. */
  private final class Analysed {
    final ScannedText text;
    final List<SwedishText.Position> positions;
    final int[] starts;
    final Zone[] zones;
    /** Word positions of identity numbers, and of other references to a person, sorted. */
    int[] identities;
    int[] references;
    final Map<MarkerType, List<Evidence>> evidence = new EnumMap<>(MarkerType.class);
    final Map<MarkerType, boolean[]> blocked = new EnumMap<>(MarkerType.class);
    final Map<MarkerType, Map<Kind, List<Integer>>> cues = new EnumMap<>(MarkerType.class);

    Analysed(ScannedText text, List<SwedishText.Position> positions) {
      this.text = text;
      this.positions = positions;
      this.starts = new int[positions.size()];
      this.zones = new Zone[positions.size()];
      for (int i = 0; i < positions.size(); i++) {
        starts[i] = positions.get(i).start();
        zones[i] = text.zoneAt(starts[i]);
      }
    }

    Zone zone(int word) {
      return word < zones.length ? zones[word] : text.zoneAt(text.text().length() - 1);
    }

    /** The word at a character offset (the word that starts there or the last one before it). */
    int wordAt(int offset) {
      int i = Arrays.binarySearch(starts, offset);
      return i >= 0 ? i : Math.max(0, -i - 2);
    }

    boolean blocked(MarkerType type, Evidence ev) {
      boolean[] b = blocked.get(type);
      if (b == null) return false;
      for (int j = ev.at; j < Math.min(b.length, ev.at + ev.length); j++) if (b[j]) return true;
      return false;
    }

    private final Map<String, int[]> sortedCues = new HashMap<>();

    /** The sorted word positions of one type's context words of one kind, computed once. */
    int[] cue(MarkerType type, Kind kind) {
      return sortedCues.computeIfAbsent(type.name() + kind, k -> cues.getOrDefault(type, Map.of()).getOrDefault(kind, List.of())
          .stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    /** Some position of {@code sorted} lies within {@code window} words of the evidence. */
    boolean near(int[] sorted, Evidence ev, int window) {
      if (sorted.length == 0) return false;
      int from = ev.at - window;
      int to = ev.at + ev.length - 1 + window;
      int i = Arrays.binarySearch(sorted, from);
      if (i < 0) i = -i - 1;
      return i < sorted.length && sorted[i] <= to;
    }
  }

  private Analysed analyse(ScannedText t, DetectionContext context) {
    Analysed a = new Analysed(t, analyzer.positions(t.text()));
    Text words = new Text(a.positions);
    List<Integer> ids = new ArrayList<>();
    for (IdentityNumbers.IdentityNumber n : IdentityNumbers.find(t.text(), context.messageDate())) {
      if (t.zoneAt(n.start()) != Zone.DISCLAIMER) ids.add(a.wordAt(n.start()));
    }
    List<Integer> refs = new ArrayList<>();
    boolean writerOutside = context.direction() == null || context.direction() == Direction.INBOUND;
    boolean readerOutside = context.direction() == null || context.direction() == Direction.OUTBOUND;
    List<Entry> candidates = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      candidates.clear();
      index.candidates(words, i, candidates);
      for (Entry e : candidates) {
        if (!e.term.matchesAt(words, i)) continue;
        switch (e.kind) {
          case TERM, WEAK -> a.evidence.computeIfAbsent(e.type, k -> new ArrayList<>())
              .add(new Evidence(i, e.term.words().size(), false, e.kind == Kind.WEAK, words.surface(i, e.term.words().size())));
          case EXCEPT -> {
            boolean[] b = a.blocked.computeIfAbsent(e.type, k -> new boolean[words.size()]);
            for (int j = i; j < i + e.term.words().size(); j++) b[j] = true;
          }
          case REQUIRES, EXCLUDES -> a.cues.computeIfAbsent(e.type, k -> new EnumMap<>(Kind.class))
              .computeIfAbsent(e.kind, k -> new ArrayList<>()).add(i);
          case PERSON -> reference(a, i, refs);
          // In quoted, forwarded or attached history "jag" is that message's writer, often the person it is about.
          case FIRST_PERSON -> { if (writerOutside || a.zone(i).history()) reference(a, i, refs); }
          case SECOND_PERSON -> { if (readerOutside) reference(a, i, refs); }
        }
      }
      SwedishText.Position p = a.positions.get(i);
      if (names.contains(p.surface()) && p.start() < t.text().length() && Character.isUpperCase(t.text().charAt(p.start()))) {
        // "Hej Mats!" names the reader: like "du", a reference only when the mail goes outside.
        boolean greeted = i > 0 && GREETINGS.contains(a.positions.get(i - 1).surface());
        if (!greeted || readerOutside) reference(a, i, refs);
      }
    }
    for (Pattern p : personPatterns) {
      Matcher m = p.matcher(t.text());
      while (m.find()) reference(a, a.wordAt(m.start()), refs);
    }
    a.identities = ids.stream().mapToInt(Integer::intValue).sorted().toArray();
    a.references = refs.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    entries.forEach((type, c) -> {
      for (Masking.EvidencePattern p : c.patterns) {
        Matcher m = p.pattern().matcher(t.text());
        while (m.find()) {
          a.evidence.computeIfAbsent(type, k -> new ArrayList<>())
              .add(new Evidence(a.wordAt(m.start()), 1, true, p.evidence(m)));
        }
      }
      if (c.entry.recognizers().contains("icd10")) {
        for (Icd10.Code code : Icd10.find(t.text())) {
          if (code.diagnosis()) {
            a.evidence.computeIfAbsent(type, k -> new ArrayList<>()).add(new Evidence(a.wordAt(code.start()), 1, true, code.code()));
          }
        }
      }
      if (c.entry.recognizers().contains("drugs") && !drugs.isEmpty()) {
        for (int i = 0; i < a.positions.size(); i++) {
          SwedishText.Position p = a.positions.get(i);
          if (!drugs.contains(p.surface())) continue;
          boolean dose = DOSE.matcher(t.text().substring(p.end(), Math.min(t.text().length(), p.end() + 60))).find();
          a.evidence.computeIfAbsent(type, k -> new ArrayList<>()).add(new Evidence(i, 1, dose, p.surface()));
        }
      }
    });
    return a;
  }

  /**
   * A reference outside signatures, disclaimers and the address lines of a quoted or forwarded
   * message ("Från: Eva Lindberg <…>"): those name who wrote and who got the mail, not whom it is about.
   */
  private static void reference(Analysed a, int word, List<Integer> refs) {
    Zone z = a.zone(word);
    if (z == Zone.SIGNATURE || z == Zone.DISCLAIMER) return;
    if (word < a.starts.length && ADDRESS_LINE.matcher(lineAt(a.text.text(), a.starts[word])).find()) return;
    refs.add(word);
  }

  private static final Pattern ADDRESS_LINE = Pattern.compile(
      "(?iu)^\\s*(?:>\\s*)*\\*?\\s*(?:från|from|till|to|cc|kopia|von|an|sender|avsändare|mottagare)\\s*\\*?\\s*:");

  private static String lineAt(String text, int offset) {
    int start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    int end = text.indexOf('\n', offset);
    return text.substring(start, end < 0 ? text.length() : end);
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

  private record Compiled(Vocabulary.Entry entry, List<Masking.EvidencePattern> patterns) {}

  /** One term: a phrase of word patterns at consecutive positions. */
  private record Term(List<Word> words) {
    static Term parse(String term) {
      List<Word> ws = new ArrayList<>();
      for (String w : term.trim().toLowerCase(Locale.forLanguageTag("sv")).split("\\s+")) ws.add(Word.parse(w));
      return new Term(ws);
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

    /** Words of three letters or fewer (du, hon, lvu, he) match only as written: their inflections would be other words. */
    boolean matches(Text t, int i) {
      if (anyStart || anyEnd || text.length() <= 3) return matchesSurface(t.positions.get(i).surface());
      return t.keys(i).contains(text);
    }

    boolean matchesSurface(String surface) {
      if (anyStart && anyEnd) return surface.contains(text);
      if (anyStart) return surface.endsWith(text);
      if (anyEnd) return surface.startsWith(text);
      return surface.equals(text);
    }
  }
}
