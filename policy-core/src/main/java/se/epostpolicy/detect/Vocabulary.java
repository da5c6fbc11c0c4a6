package se.epostpolicy.detect;

import com.fasterxml.jackson.databind.JsonNode;
import static se.epostpolicy.internal.YamlValues.strings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import se.epostpolicy.facts.Confidence;
import se.epostpolicy.facts.MarkerType;
import se.epostpolicy.facts.Zone;

/**
 * The words and patterns that mark content, per marker type: data that ships with a rule pack
 * ({@code markers.yaml}) so rule authors can read and extend it.
 *
 * <p>A term is lower-case words separated by spaces (a phrase). In a word, {@code *} at the end
 * matches any ending ({@code diagnos*}: diagnosen, diagnoserna) and at the start any compound head
 * ({@code *journal}: patientjournal). {@code except} terms cancel a term where they match
 * ({@code remissvar*} beside {@code remiss*}). Patterns are Java regular expressions, case-sensitive
 * unless they say {@code (?i)}; a marker's evidence shows what a pattern spells out, each stretch of
 * free text it lets through ({@code [^.\n]{0,40}}) as {@code …} (see {@link Masking}).
 *
 * <p>A person-bound type ({@code person: N}) counts only with a reference to the person it is about
 * within N words of its evidence: an identity number, a {@link Persons} word or name. Its
 * {@link Confidence} grows with the kind of reference and the strength of the evidence (a code or a
 * dose is stronger than a word). {@code weakTerms} count only with a {@code context.requires} word
 * near them; {@code context.excludes} words near the evidence make it a topic: the act against the
 * topic.
 *
 * @param persons the words and names that refer to a person
 * @param markers the entries per marker type
 * @param drugs medicine names (lower-case); with a dose near them they are strong evidence
 * @since 0.1
 */
public record Vocabulary(Persons persons, Map<MarkerType, Entry> markers, List<String> drugs) {

  /** Words a person-bound type waits for when {@code needsPerson: true} names no window. */
  public static final int DEFAULT_PERSON_WINDOW = 40;

  /**
   * References to a person.
   *
   * @param terms words that name the person the text is about ({@code patienten}, {@code klienten}, {@code hon})
   * @param firstPerson the writer's own words ({@code jag}, {@code min}): a reference when the writer is outside the organisation
   * @param secondPerson the reader's ({@code du}, {@code din}): a reference when the mail goes to someone outside
   * @param names first names, lower-case; a reference when written with a capital letter
   * @param patterns regular expressions that find a named person ({@code Per Ek})
   */
  public record Persons(List<String> terms, List<String> firstPerson, List<String> secondPerson, List<String> names,
                        List<String> patterns) {
    public Persons {
      terms = lower(terms);
      firstPerson = lower(firstPerson);
      secondPerson = lower(secondPerson);
      names = lower(names);
      patterns = patterns == null ? List.of() : List.copyOf(patterns);
    }

    static final Persons NONE = new Persons(List.of(), List.of(), List.of(), List.of(), List.of());

    Persons extendedBy(Persons o) {
      return new Persons(join(terms, o.terms), join(firstPerson, o.firstPerson), join(secondPerson, o.secondPerson),
          join(names, o.names), join(patterns, o.patterns));
    }
  }

  /**
   * Words that must, or must not, stand near the evidence.
   *
   * @param window how many words either side
   * @param requires at least one of these near the evidence (empty: no requirement)
   * @param excludes none of these near the evidence
   */
  public record Context(int window, List<String> requires, List<String> excludes) {
    public Context {
      requires = lower(requires);
      excludes = lower(excludes);
    }

    static final Context NONE = new Context(0, List.of(), List.of());
  }

  /**
   * The words of one marker type.
   *
   * @param terms terms that mark the content
   * @param weakTerms terms that mark it only with one of the context's {@code requires} words near them
   * @param patterns regular expressions that mark it
   * @param except terms that cancel a match of {@code terms} where they match
   * @param personWindow 0 when the type needs no person; else the words within which a reference to the person must stand
   * @param context words that must or must not stand near the evidence
   * @param zones the zones of the mail the type is looked for in
   * @param minConfidence the level a marker of this type needs to count
   * @param recognizers built-in recognizers that give strong evidence: {@code icd10}, {@code drugs}
   */
  public record Entry(List<String> terms, List<String> weakTerms, List<String> patterns, List<String> except, int personWindow,
                      Context context, Set<Zone> zones, Confidence minConfidence, List<String> recognizers) {
    public Entry {
      terms = lower(terms);
      weakTerms = lower(weakTerms);
      patterns = patterns == null ? List.of() : List.copyOf(patterns);
      except = lower(except);
      context = context == null ? Context.NONE : context;
      zones = zones == null || zones.isEmpty() ? DEFAULT_ZONES : Set.copyOf(zones);
      minConfidence = minConfidence == null ? Confidence.MEDIUM : minConfidence;
      recognizers = lower(recognizers);
    }

    /** An entry with default context, zones and confidence. */
    public Entry(List<String> terms, List<String> patterns, List<String> except, boolean needsPerson) {
      this(terms, List.of(), patterns, except, needsPerson ? DEFAULT_PERSON_WINDOW : 0, Context.NONE, DEFAULT_ZONES, Confidence.MEDIUM,
          List.of());
    }

    public boolean needsPerson() {
      return personWindow > 0;
    }
  }

  /** Where markers are looked for unless an entry says otherwise: not in signatures and disclaimers. */
  public static final Set<Zone> DEFAULT_ZONES = Set.copyOf(EnumSet.complementOf(EnumSet.of(Zone.SIGNATURE, Zone.DISCLAIMER)));
  private static final Set<String> RECOGNIZERS = Set.of("icd10", "drugs");

  public Vocabulary {
    persons = persons == null ? Persons.NONE : persons;
    markers = markers == null || markers.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(markers));
    drugs = lower(drugs);
  }

  /** The vocabulary of earlier versions: person words and patterns only. */
  public Vocabulary(List<String> personTerms, List<String> personPatterns, Map<MarkerType, Entry> markers) {
    this(new Persons(personTerms, List.of(), List.of(), List.of(), personPatterns), markers, List.of());
  }

  /** An empty vocabulary: only identity numbers are found. */
  public static Vocabulary empty() {
    return new Vocabulary(Persons.NONE, Map.of(), List.of());
  }

  /**
   * This vocabulary with {@code other}'s entries added: words, patterns and exceptions are joined;
   * the person window, context window, zones and confidence are taken from {@code other} where it
   * has the type.
   */
  public Vocabulary extendedBy(Vocabulary other) {
    Map<MarkerType, Entry> merged = new EnumMap<>(MarkerType.class);
    merged.putAll(markers);
    other.markers.forEach((type, e) -> merged.merge(type, e, (a, b) -> new Entry(join(a.terms, b.terms),
        join(a.weakTerms, b.weakTerms), join(a.patterns, b.patterns), join(a.except, b.except), b.personWindow,
        new Context(b.context.window() > 0 ? b.context.window() : a.context.window(), join(a.context.requires(), b.context.requires()),
            join(a.context.excludes(), b.context.excludes())),
        b.zones, b.minConfidence, join(a.recognizers, b.recognizers))));
    return new Vocabulary(persons.extendedBy(other.persons), merged, join(drugs, other.drugs));
  }

  /** Problems a rule author must fix: bad regular expressions, empty words, unknown recognizers. Empty when sound. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    for (String p : persons.patterns()) compiles("persons.patterns", p, out);
    markers.forEach((type, e) -> {
      for (String p : e.patterns) compiles(type.toString(), p, out);
      for (String t : join(join(join(e.terms, e.weakTerms), e.except), join(e.context.requires(), e.context.excludes()))) {
        if (t.isBlank() || t.replace("*", "").isBlank()) out.add(type + ": empty term");
      }
      for (String r : e.recognizers) if (!RECOGNIZERS.contains(r)) out.add(type + ": unknown recognizer " + r + " (known: " + RECOGNIZERS + ")");
      if (!e.weakTerms.isEmpty() && e.context.requires().isEmpty()) out.add(type + ": weakTerms need context.requires words");
      if ((!e.context.requires().isEmpty() || !e.context.excludes().isEmpty()) && e.context.window() <= 0) {
        out.add(type + ": context words need a window");
      }
    });
    return out;
  }

  private static void compiles(String where, String pattern, List<String> out) {
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException ex) {
      out.add(where + ": pattern does not compile: " + ex.getDescription());
    }
  }

  /**
   * Reads a {@code markers.yaml} tree. Unknown keys, marker types, zones and levels are reported to
   * {@code problems} (one line each, without a file name) and left out.
   */
  public static Vocabulary fromYaml(JsonNode n, Consumer<String> problems) {
    if (n == null || n.isNull() || n.isMissingNode()) return empty();
    known(n, "", problems, "persons", "personTerms", "personPatterns", "drugs", "markers");
    JsonNode p = n.path("persons");
    known(p, "persons.", problems, "terms", "firstPerson", "secondPerson", "names", "patterns");
    Persons persons = new Persons(join(strings(p.get("terms")), strings(n.get("personTerms"))), strings(p.get("firstPerson")),
        strings(p.get("secondPerson")), strings(p.get("names")), join(strings(p.get("patterns")), strings(n.get("personPatterns"))));
    Map<MarkerType, Entry> entries = new EnumMap<>(MarkerType.class);
    JsonNode markers = n.path("markers");
    for (Iterator<String> names = markers.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      MarkerType type;
      try {
        type = MarkerType.valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.accept("unknown marker type " + name);
        continue;
      }
      JsonNode e = markers.get(name);
      known(e, name + ".", problems, "terms", "weakTerms", "patterns", "except", "needsPerson", "person", "context", "zones", "minConfidence",
          "recognizers");
      int window = e.has("person") ? e.path("person").asInt(DEFAULT_PERSON_WINDOW)
          : e.path("needsPerson").asBoolean(false) ? DEFAULT_PERSON_WINDOW : 0;
      JsonNode c = e.path("context");
      known(c, name + ".context.", problems, "window", "requires", "excludes");
      Set<Zone> zones = EnumSet.noneOf(Zone.class);
      for (String z : strings(e.get("zones"))) {
        try {
          zones.add(Zone.valueOf(z.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException ex) {
          problems.accept(name + ": unknown zone " + z);
        }
      }
      Confidence min = null;
      if (e.hasNonNull("minConfidence")) {
        try {
          min = Confidence.valueOf(e.get("minConfidence").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
          problems.accept(name + ": unknown confidence " + e.get("minConfidence").asText());
        }
      }
      entries.put(type, new Entry(strings(e.get("terms")), strings(e.get("weakTerms")), strings(e.get("patterns")),
          strings(e.get("except")), window,
          new Context(c.path("window").asInt(0), strings(c.get("requires")), strings(c.get("excludes"))), zones, min,
          strings(e.get("recognizers"))));
    }
    Vocabulary v = new Vocabulary(persons, entries, strings(n.get("drugs")));
    v.problems().forEach(problems);
    return v;
  }

  private static void known(JsonNode node, String prefix, Consumer<String> problems, String... keys) {
    if (node == null || !node.isObject()) return;
    List<String> allowed = List.of(keys);
    node.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) problems.accept("unknown key " + prefix + k);
    });
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
