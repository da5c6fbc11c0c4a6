package se.epostpolicy.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import se.epostpolicy.RulePackException;
import se.epostpolicy.RulePackException.Problem;
import se.epostpolicy.pack.PackFile;
import se.epostpolicy.pack.PackManifest;
import se.epostpolicy.pack.ResolvedPack;

/**
 * A pack version compiled once into a KieBase that every thread shares, with each rule's metadata
 * read from the compiled rules.
 */
final class CompiledPack {

  /** The global every rule file declares and records its outcomes through. */
  static final String GLOBAL = "decide";

  /** Metadata every rule must carry, quoted: {@code @id("VRM-01") @source("…") @heading("…") @reason("…")}. */
  static final List<String> REQUIRED = List.of("id", "source", "heading", "reason");


  private final ResolvedPack pack;
  private final KieBase kieBase;
  private final Map<String, RuleDescription> rules;
  private final Hit reviewHit;

  private CompiledPack(ResolvedPack pack, KieBase kieBase, Map<String, RuleDescription> rules, Hit reviewHit) {
    this.pack = pack;
    this.kieBase = kieBase;
    this.rules = Map.copyOf(rules);
    this.reviewHit = reviewHit;
  }

  /**
   * Compiles {@code pack}.
   *
   * @param allowRuleCode whether its rules may run code of their own; when not, a pack that would is
   *     refused before the compiler sees it (Drools runs metadata values while it compiles)
   * @throws RulePackException with every problem, or every place that runs code
   */
  static CompiledPack compile(ResolvedPack pack, boolean allowRuleCode) {
    String ref = pack.manifest().ref();
    if (!allowRuleCode) refuseCode(pack);
    List<Problem> problems = new ArrayList<>();
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
    // A DSL must be known before the DSLR that uses it.
    List<PackFile> ordered = new ArrayList<>(pack.ruleFiles());
    ordered.sort(Comparator.comparingInt(f -> f.extension().equals("dsl") ? 0 : 1));
    for (PackFile f : ordered) {
      ResourceType type = switch (f.extension()) {
        case "dsl" -> ResourceType.DSL;
        case "dslr" -> ResourceType.DSLR;
        default -> ResourceType.DRL;
      };
      Resource r = ResourceFactory.newByteArrayResource(f.content().getBytes(StandardCharsets.UTF_8));
      r.setSourcePath(f.path());
      r.setResourceType(type);
      builder.add(r, type);
    }
    for (KnowledgeBuilderError e : builder.getErrors()) {
      String message = e.getMessage() == null ? "" : e.getMessage().strip();
      if (message.contains("Parser returned a null Package")) continue;
      String file = e.getResource() != null && e.getResource().getSourcePath() != null ? e.getResource().getSourcePath() : ref;
      int line = e.getLines() != null && e.getLines().length > 0 ? Math.max(0, e.getLines()[0]) : 0;
      problems.add(new Problem(file, line, message.replaceAll("\\s+", " ")));
    }
    if (pack.ruleFiles().isEmpty()) problems.add(new Problem(ref, 0, "the pack has no rule files"));
    if (!problems.isEmpty()) throw new RulePackException(ref, sorted(problems));

    InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
    kieBase.addPackages(builder.getKnowledgePackages());
    if (!kieBase.getGlobals().containsKey(GLOBAL)) {
      problems.add(new Problem(ref, 0, "no rule file declares 'global se.epostpolicy.engine.RuleOutcomes " + GLOBAL + "'"));
    }
    Map<String, String> contentByPath = new HashMap<>();
    pack.ruleFiles().forEach(f -> contentByPath.put(f.path(), f.content()));
    // A version that replaces rules of what it includes drops them here; it states them anew, or not at all.
    String own = pack.manifest().id() + "/" + pack.manifest().version() + "/";
    java.util.Set<String> replaced = new java.util.HashSet<>();
    for (KiePackage kp : List.copyOf(kieBase.getKiePackages())) {
      for (Rule rule : List.copyOf(kp.getRules())) {
        Object id = rule.getMetaData().get("id");
        if (id == null || !pack.manifest().replaces().contains(text(id))) continue;
        if (sourceOf(rule, ref).startsWith(own)) continue;
        kieBase.removeRule(kp.getName(), rule.getName());
        replaced.add(text(id));
      }
    }
    for (String id : pack.manifest().replaces()) {
      if (!replaced.contains(id)) problems.add(new Problem(own + "pack.yaml", 0, "replaces " + id + ", which no included pack has"));
    }
    Map<String, RuleDescription> rules = new HashMap<>();
    for (KiePackage kp : kieBase.getKiePackages()) {
      for (Rule rule : kp.getRules()) {
        String file = sourceOf(rule, ref);
        int line = lineOf(contentByPath.get(file), rule.getName());
        if (rule instanceof RuleImpl impl && impl.isQuery()) continue;
        Map<String, Object> meta = rule.getMetaData();
        List<String> missing = REQUIRED.stream().filter(k -> meta.get(k) == null || meta.get(k).toString().isBlank()).toList();
        if (!missing.isEmpty()) {
          problems.add(new Problem(file, line, "rule \"" + rule.getName() + "\" lacks @" + String.join(", @", missing)));
          continue;
        }
        List<String> overrides = meta.get("overrides") == null ? List.of()
            : Arrays.stream(meta.get("overrides").toString().split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        rules.put(kp.getName() + "." + rule.getName(), new RuleDescription(text(meta.get("id")), rule.getName(),
            new Citation(text(meta.get("source")), text(meta.get("heading"))), text(meta.get("reason")), overrides, file, line));
      }
    }
    PackManifest.ReviewRule review = pack.review();
    if (review == null) problems.add(new Problem(ref, 0, "no manifest in the pack's chain names a review rule"));
    if (!problems.isEmpty()) throw new RulePackException(ref, sorted(problems));
    Hit reviewHit = new Hit(review.id(), review.id(), Notice.REVIEW, new Citation(review.source(), review.heading()),
        review.reason());
    return new CompiledPack(pack, kieBase, rules, reviewHit);
  }

  private static void refuseCode(ResolvedPack pack) {
    List<Problem> code = PackCodeCheck.check(pack.ruleFiles());
    if (code.isEmpty()) return;
    List<Problem> problems = new ArrayList<>(sorted(code));
    problems.add(new Problem(pack.manifest().ref(), 0, "its rules run code (" + (code.size() == 1 ? "1 place" : code.size() + " places")
        + " above); rule packs"
        + " are data, and run code only where the embedding system allows it: PolicyEngine.builder().allowRuleCode(true),"
        + " policy-check --allow-rule-code"));
    throw new RulePackException(pack.manifest().ref(), problems);
  }

  private static String sourceOf(Rule rule, String fallback) {
    return rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null
        ? impl.getResource().getSourcePath() : fallback;
  }

  private static String text(Object o) {
    String s = o.toString().strip();
    // Drools keeps the quotes of a quoted metadata value on some paths.
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
    return s;
  }

  private static List<Problem> sorted(List<Problem> problems) {
    return problems.stream().sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line)).toList();
  }

  static int lineOf(String content, String ruleName) {
    if (content == null) return 0;
    Matcher m = Pattern.compile("(?m)^\\s*rule\\s+\"?" + Pattern.quote(ruleName) + "\"?").matcher(content);
    if (!m.find()) return 0;
    int line = 1;
    for (int i = 0; i < m.start(); i++) if (content.charAt(i) == '\n') line++;
    return line + (int) content.substring(m.start(), m.end()).chars().filter(c -> c == '\n').count();
  }

  ResolvedPack pack() {
    return pack;
  }

  KieBase kieBase() {
    return kieBase;
  }

  RuleDescription rule(String qualifiedName) {
    RuleDescription info = rules.get(qualifiedName);
    if (info == null) throw new IllegalStateException("unknown rule " + qualifiedName);
    return info;
  }

  /** Every rule's metadata. */
  List<RuleDescription> rules() {
    return rules.values().stream().sorted(Comparator.comparing(RuleDescription::id).thenComparing(RuleDescription::name)).toList();
  }

  List<String> overrides(String ruleName) {
    RuleDescription info = rules.values().stream().filter(r -> r.name().equals(ruleName)).findFirst().orElse(null);
    return info == null ? List.of() : info.overrides();
  }

  Hit reviewHit() {
    return reviewHit;
  }
}
