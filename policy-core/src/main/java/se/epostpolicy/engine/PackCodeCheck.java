package se.epostpolicy.engine;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExpressionDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;
import org.drools.drl.ast.descr.WindowReferenceDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.lang.dsl.DSLMappingEntry;
import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;
import org.drools.drl.parser.lang.dsl.DefaultDSLMapping;
import org.drools.drl.parser.lang.dsl.DefaultExpander;
import se.epostpolicy.RulePackException.Problem;
import se.epostpolicy.facts.Attachment;
import se.epostpolicy.facts.Marker;
import se.epostpolicy.facts.Message;
import se.epostpolicy.facts.OrganisationProfile;
import se.epostpolicy.pack.PackFile;

/**
 * Finds every place where a pack would run code of its own instead of recording outcomes, so that a
 * pack can be treated as data: read from Drools' own parse of each rule file (after the DSL
 * expansion a {@code .dslr} goes through), not from patterns over the text.
 *
 * <p>What a pack may hold is an allow-list. Imports of the fact model ({@code se.epostpolicy.facts})
 * and the engine's outcome and context types; rules and queries whose metadata and attributes are
 * plain values; conditions that compare facts, bindings, constants of those types and literals
 * (in patterns, {@code eval}, {@code from}, {@code accumulate} with its built-in functions); and
 * consequences that only call {@code decide.to(drools, Verdict.…, Notice.…)}. Everything else is
 * reported with its file and line: method calls and {@code new} anywhere in a rule, assignments,
 * {@code function}s, {@code import function}, type declarations, accumulate code blocks, and
 * metadata or attribute values that are expressions (Drools evaluates those while it compiles, so
 * the check must run before compiling).
 *
 * <p>A file that does not parse is left to the compiler: Drools builds nothing from it, and says why.
 */
final class PackCodeCheck {

  private static final String FACTS = Message.class.getPackageName();
  private static final String ENGINE = Verdict.class.getPackageName();
  /** The engine types a rule may name: what it records, and what the embedding system tells it. */
  private static final Set<String> ENGINE_TYPES = Stream.of(Verdict.class, Notice.class, Outcome.class, RuleOutcomes.class,
      EvaluationContext.class, CaseStatus.class, MailboxType.class, SenderHistory.class)
      .map(Class::getName).collect(Collectors.toUnmodifiableSet());
  /** Drools' built-in accumulate functions: they count and collect, and run no pack code. */
  private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "average", "min", "max", "collectList", "collectSet");
  private static final String OUTCOMES_ONLY = "a consequence may only record outcomes with "
      + CompiledPack.GLOBAL + ".to(drools, Verdict.…, Notice.…)";
  private static final String CONDITIONS_ONLY = "a condition may only compare facts, bindings, constants and literals";
  private static final String VOCABULARY = "a pack may import only the fact model (" + FACTS
      + ") and the engine's outcome and context types";

  private PackCodeCheck() {}

  /** Every place in {@code ruleFiles} (a resolved pack's {@code .drl}, {@code .dsl}, {@code .dslr}) that runs code. */
  static List<Problem> check(List<PackFile> ruleFiles) {
    List<PackFile> dsls = ruleFiles.stream().filter(f -> f.extension().equals("dsl")).toList();
    List<Problem> problems = new ArrayList<>();
    for (PackFile f : ruleFiles) {
      switch (f.extension()) {
        case "dsl" -> { }
        case "dslr" -> {
          // The compiler expands a .dslr with every DSL of the pack, then parses the result: so do we.
          String expanded = expander(dsls, false).expand(f.content());
          parse(expanded).ifPresent(pkg -> new FileCheck(f.path(), expanded,
              new DslrLines(expander(dsls, true).expand(f.content()), pkg), problems).check(pkg));
        }
        default -> parse(f.content()).ifPresent(pkg -> new FileCheck(f.path(), f.content(), l -> l, problems).check(pkg));
      }
    }
    return problems;
  }

  private static Optional<PackageDescr> parse(String drl) {
    DrlParser parser = new DrlParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
    try {
      PackageDescr pkg = parser.parse(false, drl);
      return parser.hasErrors() ? Optional.empty() : Optional.ofNullable(pkg);
    } catch (DroolsParserException e) {
      return Optional.empty();
    }
  }

  /** The pack's DSLs as the compiler loads them (a DSL with errors still maps what it can); or only their keywords. */
  private static DefaultExpander expander(List<PackFile> dsls, boolean keywordsOnly) {
    DefaultExpander expander = new DefaultExpander();
    for (PackFile dsl : dsls) {
      DSLTokenizedMappingFile file = new DSLTokenizedMappingFile();
      try {
        file.parseAndLoad(new StringReader(dsl.content()));
      } catch (IOException e) {
        throw new IllegalStateException("reading a string failed", e);
      }
      if (keywordsOnly) {
        DefaultDSLMapping keywords = new DefaultDSLMapping();
        keywords.addEntries(file.getMapping().getEntries(DSLMappingEntry.KEYWORD));
        expander.addDSLMapping(keywords);
      } else {
        expander.addDSLMapping(file.getMapping());
      }
    }
    return expander;
  }

  /** Whether a rule may name the type {@code className}: one of the fact model's, or an outcome or context type. */
  static boolean vocabulary(String className) {
    return className.startsWith(FACTS + ".") || ENGINE_TYPES.contains(className);
  }

  /** Maps a line of the text that was parsed to the line of the file the author wrote. */
  @FunctionalInterface
  private interface Lines {
    int source(int parsedLine);
  }

  /** The checks of one parsed file, collecting problems with the author's lines. */
  private static final class FileCheck implements RuleTokens.Names {
    private final String path;
    private final String text;
    private final Lines lines;
    private final List<Problem> problems;
    private final Map<String, String> imported = new HashMap<>();
    private final List<String> wildcards = new ArrayList<>();
    private String packageName = "";
    /** The names the rule being checked binds ({@code $m : Message()}, {@code $n : toCount}). */
    private Set<String> bindings = Set.of();

    FileCheck(String path, String text, Lines lines, List<Problem> problems) {
      this.path = path;
      this.text = text;
      this.lines = lines;
      this.problems = problems;
    }

    void check(PackageDescr pkg) {
      packageName = pkg.getName() == null ? "" : pkg.getName();
      for (ImportDescr im : pkg.getImports()) {
        String target = im.getTarget();
        if (target.endsWith(".*")) {
          String pkgName = target.substring(0, target.length() - 2);
          wildcards.add(pkgName);
          if (!pkgName.equals(FACTS) && !pkgName.equals(ENGINE)) problem(im.getLine(), "imports " + target + "; " + VOCABULARY);
        } else {
          imported.put(target.substring(target.lastIndexOf('.') + 1), target);
          if (!vocabulary(target)) problem(im.getLine(), "imports " + target + "; " + VOCABULARY);
        }
      }
      for (ImportDescr im : pkg.getFunctionImports()) {
        problem(im.getLine(), "imports the Java function " + im.getTarget() + "; a pack may not call Java");
      }
      for (ImportDescr im : pkg.getAccumulateImports()) {
        problem(im.getLine(), "imports the accumulate function " + im.getTarget() + ", which is Java code; a pack may not call Java");
      }
      for (FunctionDescr f : pkg.getFunctions()) {
        String example = RuleTokens.firstCall(f.getBody()).map(c -> " (it " + c + ")").orElse("");
        problem(f.getLine(), "function " + f.getName() + " is Java code" + example + "; a pack may not declare functions");
      }
      for (AbstractClassTypeDeclarationDescr d : pkg.getClassAndEnumDeclarationDescrs()) {
        problem(d.getLine(), "declares the type " + d.getTypeName()
            + "; a pack may not declare types (their fields' initial values and annotations are code)");
      }
      for (WindowDeclarationDescr w : pkg.getWindowDeclarations()) {
        problem(w.getLine(), "declares the window " + w.getName() + "; a pack judges one message and has no windows");
      }
      if (pkg.getUnit() != null) {
        problem(pkg.getUnit().getLine(), "names the rule unit " + pkg.getUnit().getTarget() + ", which is Java code");
      }
      for (AttributeDescr a : pkg.getAttributes()) attribute(a, "the package");
      for (RuleDescr r : pkg.getRules()) rule(r);
    }

    private void rule(RuleDescr r) {
      String who = (r.isQuery() ? "query \"" : "rule \"") + r.getName() + "\"";
      for (AnnotationDescr a : r.getAnnotations()) {
        for (Object value : a.getValueMap().values()) {
          if (!RuleTokens.literals(String.valueOf(value))) {
            problem(annotationLine(r, a.getName()), who + ": @" + a.getName() + "(" + RuleTokens.excerpt(String.valueOf(value))
                + ") is not a quoted value; Drools runs an unquoted metadata value as code when it compiles the rule");
          }
        }
      }
      for (AttributeDescr a : r.getAttributes().values()) attribute(a, who);
      Set<String> bound = new HashSet<>();
      bindings(r.getLhs(), bound);
      if (r instanceof QueryDescr q) bound.addAll(List.of(q.getParameters()));
      bindings = bound;
      condition(r.getLhs(), r.getLine(), who);
      if (r.getConsequence() != null) consequence(r.getConsequence(), r.getConsequenceLine(), r.getConsequenceLine(), who);
      for (Map.Entry<String, Object> named : r.getNamedConsequences().entrySet()) {
        consequence(named.getValue(), r.getConsequenceLine(), namedConsequenceLine(r, named.getKey()), who);
      }
    }

    private void attribute(AttributeDescr a, String who) {
      if (a.getType() == AttributeDescr.Type.EXPRESSION && !RuleTokens.plainValue(a.getValue())) {
        problem(a.getLine(), who + ": " + a.getName() + " " + RuleTokens.excerpt(a.getValue())
            + " is an expression, which runs as code; an attribute takes a plain value");
      }
    }

    private void consequence(Object consequence, int searchFromLine, int line, String who) {
      if (!(consequence instanceof String code)) {
        problem(line, who + ": a consequence this check cannot read; " + OUTCOMES_ONLY);
        return;
      }
      if (code.isBlank()) return;
      int start = text.indexOf(code, offsetOfLine(Math.max(1, searchFromLine)));
      for (RuleTokens.Breach b : RuleTokens.outcomeStatements(code, CompiledPack.GLOBAL)) {
        int at = start < 0 ? line : lineAt(start + b.offset());
        problem(at, who + " runs code in its consequence: " + b.what() + " (" + OUTCOMES_ONLY + ")");
      }
    }

    private void condition(BaseDescr d, int line, String who) {
      if (d == null) return;
      int at = d.getLine() > 0 ? d.getLine() : line;
      if (d instanceof PatternDescr p) {
        for (BaseDescr c : p.getDescrs()) condition(c, at, who);
        condition(p.getSource(), at, who);
      } else if (d instanceof ExpressionDescr e) {
        expression(e.getExpression(), at, who);
      } else if (d instanceof EvalDescr e) {
        expression(String.valueOf(e.getContent()), at, who);
      } else if (d instanceof FromDescr f) {
        if (f.getDataSource() instanceof MVELExprDescr m) expression(m.getExpression(), at, who);
        else problem(at, who + ": 'from' a source this check cannot read; " + CONDITIONS_ONLY);
      } else if (d instanceof AccumulateDescr a) {
        accumulate(a, at, who);
      } else if (d instanceof CollectDescr c) {
        condition(c.getInputPattern(), at, who);
      } else if (d instanceof ConditionalBranchDescr b) {
        for (ConditionalBranchDescr branch = b; branch != null; branch = branch.getElseBranch()) {
          condition(branch.getCondition(), at, who);
        }
      } else if (d instanceof ConditionalElementDescr ce) {
        for (BaseDescr c : ce.getDescrs()) condition(c, at, who);
      } else if (!(d instanceof EntryPointDescr || d instanceof WindowReferenceDescr || d instanceof NamedConsequenceDescr)) {
        problem(at, who + ": a condition of a kind this check does not know (" + d.getClass().getSimpleName() + "); " + CONDITIONS_ONLY);
      }
    }

    private void accumulate(AccumulateDescr a, int at, String who) {
      if (a.getInitCode() != null || a.getActionCode() != null || a.getReverseCode() != null || a.getResultCode() != null) {
        problem(at, who + ": accumulate with init/action/reverse/result code runs Java; use "
            + String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
      }
      if (a instanceof GroupByDescr g && g.getGroupingKey() != null) expression(g.getGroupingKey(), at, who);
      for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) {
        if (!ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
          problem(at, who + ": accumulate function " + f.getFunction() + " is not built in, so it is Java code; use "
              + String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
        }
        for (String param : f.getParams()) expression(param, at, who);
      }
      condition(a.getInput(), at, who);
    }

    private void expression(String expression, int at, String who) {
      if (expression == null) return;
      RuleTokens.conditionBreach(expression, this).ifPresent(b -> {
        int line = at + (int) expression.substring(0, Math.min(b.offset(), expression.length())).chars().filter(c -> c == '\n').count();
        problem(line, who + " runs code in a condition: " + RuleTokens.excerpt(expression) + " " + b.what() + " (" + CONDITIONS_ONLY + ")");
      });
    }

    @Override
    public Class<?> type(String name) {
      if (name.contains(".")) return load(name);
      List<String> candidates = new ArrayList<>();
      if (imported.containsKey(name)) candidates.add(imported.get(name));
      wildcards.forEach(w -> candidates.add(w + "." + name));
      if (!packageName.isEmpty()) candidates.add(packageName + "." + name);
      candidates.add("java.lang." + name);
      return candidates.stream().map(PackCodeCheck::load).filter(c -> c != null).findFirst().orElse(null);
    }

    @Override
    public boolean nameable(Class<?> type) {
      return vocabulary(type.getName());
    }

    @Override
    public boolean root(String name) {
      return bindings.contains(name) || FACT_PROPERTIES.contains(name);
    }

    @Override
    public boolean property(String name) {
      return FACT_PROPERTIES.contains(name);
    }

    @Override
    public boolean member(String name) {
      return REACHABLE_MEMBERS.contains(name);
    }

    private int annotationLine(RuleDescr r, String name) {
      Matcher m = Pattern.compile("@" + Pattern.quote(name) + "\\s*\\(").matcher(text);
      return m.find(offsetOfLine(Math.max(1, r.getLine()))) ? lineAt(m.start()) : r.getLine();
    }

    private int namedConsequenceLine(RuleDescr r, String name) {
      Matcher m = Pattern.compile("\\bthen\\s*\\[\\s*" + Pattern.quote(name) + "\\s*\\]").matcher(text);
      return m.find(offsetOfLine(Math.max(1, r.getLine()))) ? lineAt(m.start()) : r.getConsequenceLine();
    }

    private int offsetOfLine(int line) {
      int offset = 0;
      for (int l = 1; l < line && offset >= 0; l++) {
        offset = text.indexOf('\n', offset);
        if (offset >= 0) offset++;
      }
      return Math.max(0, offset);
    }

    private int lineAt(int offset) {
      int line = 1;
      for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
      return line;
    }

    private void problem(int parsedLine, String message) {
      problems.add(new Problem(path, parsedLine > 0 ? Math.max(0, lines.source(parsedLine)) : 0, message));
    }
  }

  /** The class named {@code className}, not initialised, or null. */
  private static Class<?> load(String className) {
    try {
      return Class.forName(className, false, PackCodeCheck.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /** Every name a rule's conditions bind: patterns ({@code $m : Message()}), fields ({@code $n : toCount}), accumulate results. */
  private static void bindings(BaseDescr d, Set<String> out) {
    if (d == null) return;
    if (d instanceof PatternDescr p) {
      if (p.getIdentifier() != null) out.add(p.getIdentifier());
      for (BaseDescr c : p.getDescrs()) bindings(c, out);
      bindings(p.getSource(), out);
    } else if (d instanceof BindingDescr b) {
      out.add(b.getVariable());
    } else if (d instanceof ExpressionDescr e && e.getExpression() != null) {
      List<RuleTokens.Token> t = RuleTokens.tokens(e.getExpression());
      if (t.size() > 1 && t.get(0).kind() == RuleTokens.Kind.NAME && (t.get(1).is(":") || t.get(1).is(":="))) out.add(t.get(0).text());
    } else if (d instanceof AccumulateDescr a) {
      for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) if (f.getBind() != null) out.add(f.getBind());
      bindings(a.getInput(), out);
    } else if (d instanceof CollectDescr c) {
      bindings(c.getInputPattern(), out);
    } else if (d instanceof ConditionalElementDescr ce) {
      for (BaseDescr c : ce.getDescrs()) bindings(c, out);
    }
  }

  /** The facts the engine puts into every session: what a rule's patterns match. */
  private static final List<Class<?>> INSERTED = List.of(Message.class, Attachment.class, Marker.class,
      OrganisationProfile.class, EvaluationContext.class);
  /** What a result of {@code accumulate} or a collection offers a comparison. */
  private static final Set<String> VALUE_PROPERTIES = Set.of("size", "empty", "length", "intValue", "longValue", "doubleValue");
  /** Methods every object has: never a property of the fact model, whoever declares them. */
  private static final Set<String> OBJECT_METHODS = Set.of("toString", "hashCode", "getClass", "notify", "notifyAll", "wait",
      "clone", "finalize");
  private static final Pattern BEAN = Pattern.compile("^(?:get|is)(\\p{Lu})(.*)");
  private static final Set<String> FACT_PROPERTIES = factProperties();
  private static final Set<String> REACHABLE_MEMBERS = reachableMembers();

  /**
   * The accessors of the inserted facts and of every fact-model type they hold, read from the
   * classes so that a new field is a property at once: the names a condition may navigate.
   */
  private static Set<String> factProperties() {
    Set<String> names = new HashSet<>(VALUE_PROPERTIES);
    Deque<Class<?>> todo = new ArrayDeque<>(INSERTED);
    Set<Class<?>> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Class<?> c = todo.pop();
      if (!seen.add(c) || c.getSimpleName().equals("Builder")) continue;
      for (Method m : c.getMethods()) {
        if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0 || m.getReturnType() == void.class) continue;
        if (!vocabulary(m.getDeclaringClass().getName()) || OBJECT_METHODS.contains(m.getName())) continue;
        if (m.getReturnType().getSimpleName().equals("Builder")) continue;
        names.add(m.getName());
        Matcher bean = BEAN.matcher(m.getName());
        if (bean.matches()) names.add(bean.group(1).toLowerCase(Locale.ROOT) + bean.group(2));
        types(m.getGenericReturnType()).stream().filter(t -> vocabulary(t.getName())).forEach(todo::add);
      }
    }
    return Set.copyOf(names);
  }

  /**
   * Every name of a method without arguments or a field of anything a condition can reach: the
   * facts, what their properties return (strings, sets, instants, numbers…), and what those
   * properties return in turn, with {@link Object}, {@link Class} and {@link ClassLoader} for good
   * measure. A name outside these that is no fact property reaches nothing, so the compiler refuses it.
   */
  private static Set<String> reachableMembers() {
    Set<String> names = new HashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>(INSERTED);
    todo.addAll(List.of(Object.class, Class.class, ClassLoader.class, Number.class, Long.class, Integer.class, Double.class,
        List.class, Set.class));
    Set<Class<?>> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Class<?> c = todo.pop();
      if (c.isPrimitive() || !seen.add(c)) continue;
      for (Method m : c.getMethods()) {
        if (m.getParameterCount() > 0) continue;
        names.add(m.getName());
        Matcher bean = BEAN.matcher(m.getName());
        if (bean.matches()) names.add(bean.group(1).toLowerCase(Locale.ROOT) + bean.group(2));
        if (FACT_PROPERTIES.contains(m.getName()) || bean.matches() && FACT_PROPERTIES.contains(bean.group(1).toLowerCase(Locale.ROOT) + bean.group(2))) {
          todo.addAll(types(m.getGenericReturnType()));
        }
      }
      for (java.lang.reflect.Field f : c.getFields()) {
        names.add(f.getName());
        if (FACT_PROPERTIES.contains(f.getName())) todo.addAll(types(f.getGenericType()));
      }
    }
    return Set.copyOf(names);
  }

  /** The classes in a (generic) type: {@code List<Attachment>} gives List and Attachment. */
  private static List<Class<?>> types(Type type) {
    if (type instanceof Class<?> c) return List.of(c.isArray() ? c.getComponentType() : c);
    List<Class<?>> out = new ArrayList<>();
    if (type instanceof ParameterizedType p) {
      out.addAll(types(p.getRawType()));
      for (Type a : p.getActualTypeArguments()) out.addAll(types(a));
    }
    return out;
  }

  /**
   * Lines of an expanded {@code .dslr} back to the file: keywords and consequences keep their lines,
   * but the expander joins each {@code - constraint} line to its pattern's line. The file with only
   * its keywords expanded (same lines, English keywords) shows where each rule, {@code when} and
   * {@code then} is.
   */
  private static final class DslrLines implements Lines {

    /** One rule as the parser saw it (expanded lines) and as the author wrote it (file lines). */
    private record Anchor(int header, int when, int then, int fileHeader, int fileWhen, int fileThen) {}

    private final String[] fileLines;
    private final List<Anchor> anchors = new ArrayList<>();

    DslrLines(String keywordsExpanded, PackageDescr expanded) {
      fileLines = keywordsExpanded.split("\n", -1);
      for (RuleDescr r : expanded.getRules()) {
        int fileHeader = find(Pattern.compile("^\\s*(rule|query)\\s+[\"']?" + Pattern.quote(r.getName()) + "([\"'\\s(]|$)"), 0);
        if (fileHeader == 0 || r.getLine() <= 0) continue;
        int fileWhen = r.isQuery() ? fileHeader : find(Pattern.compile("^\\s*when\\b"), fileHeader);
        int fileThen = r.isQuery() ? 0 : find(Pattern.compile("^\\s*then\\b"), Math.max(fileHeader, fileWhen));
        int when = r.getLine() + (fileWhen - fileHeader);
        anchors.add(new Anchor(r.getLine(), when, r.isQuery() ? 0 : r.getConsequenceLine(), fileHeader, fileWhen, fileThen));
      }
    }

    /** The first line at or after {@code fromLine} (1-based; 0 for the start) matching {@code p}, or 0. */
    private int find(Pattern p, int fromLine) {
      for (int i = Math.max(0, fromLine - 1); i < fileLines.length; i++) if (p.matcher(fileLines[i]).find()) return i + 1;
      return 0;
    }

    @Override
    public int source(int line) {
      Anchor a = null;
      for (Anchor candidate : anchors) if (candidate.header() <= line && (a == null || candidate.header() > a.header())) a = candidate;
      if (a == null) return line;
      if (a.then() > 0 && a.fileThen() > 0 && line >= a.then()) return a.fileThen() + (line - a.then());
      if (line <= a.when() || a.fileWhen() == 0) return a.fileHeader() + (line - a.header());
      // In the conditions: the n-th line after 'when' is the n-th that is not a '- constraint' joined to the one before.
      int wanted = line - a.when();
      int seen = 0;
      for (int i = a.fileWhen(); i < fileLines.length; i++) {
        if (fileLines[i].strip().startsWith("-")) continue;
        if (++seen == wanted) return i + 1;
      }
      return a.fileHeader();
    }
  }
}
