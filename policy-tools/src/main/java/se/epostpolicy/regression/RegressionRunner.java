package se.epostpolicy.regression;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import se.epostpolicy.PolicyException;
import se.epostpolicy.engine.Decision;
import se.epostpolicy.engine.Hit;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.engine.RuleDescription;
import se.epostpolicy.mail.MailReader;
import se.epostpolicy.pack.PackManifest;
import se.epostpolicy.pack.PackRepository;

/**
 * Runs regression suites against the packs they name and measures which rules the cases fire.
 * Engines are built once per policy reference and shared by the suites that name it.
 *
 * @since 0.1
 */
public final class RegressionRunner {

  private final Function<String, PolicyEngine> engineFor;
  private final Map<String, PolicyEngine> engines = new HashMap<>();
  private final MailReader reader;

  /**
   * Runs against the packs of {@code repository}; a pack whose rules run code of their own is
   * refused (see {@link PolicyEngine.Builder#allowRuleCode(boolean)}, and the other constructor).
   */
  public RegressionRunner(PackRepository repository) {
    this(policy -> PolicyEngine.builder().repository(repository).pack(policy).build(), new MailReader());
  }

  /** Runs against the engines {@code engineFor} builds for a suite's {@code policy}. */
  public RegressionRunner(Function<String, PolicyEngine> engineFor, MailReader reader) {
    this.engineFor = Objects.requireNonNull(engineFor, "engineFor");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /** Every {@code suite.yaml} in the given files and folders, in order. */
  public static List<RegressionSuite> suites(List<Path> paths) {
    List<RegressionSuite> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) out.addAll(RegressionSuite.findAll(p));
      else out.add(RegressionSuite.load(p));
    }
    return out;
  }

  /** The engine the runner uses for {@code policy} (built on first use). */
  public PolicyEngine engine(String policy) {
    return engines.computeIfAbsent(policy, engineFor);
  }

  /** Runs one case. A mail that cannot be read or evaluated is a failure that says why. */
  public CaseResult run(RegressionSuite suite, RegressionCase c) {
    long start = System.nanoTime();
    Decision decision = null;
    List<String> failures;
    try {
      decision = engine(suite.pack()).evaluate(reader.readFile(c.mail()), c.context());
      failures = RegressionSuite.check(c, decision);
    } catch (PolicyException e) {
      failures = List.of("could not be evaluated: " + e.getMessage());
    }
    return new CaseResult(suite, c, decision, failures, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Runs every case of {@code suites} and counts, for every rule of the packs they use, the cases that fired it. */
  public RegressionReport run(List<RegressionSuite> suites) {
    List<CaseResult> results = new ArrayList<>();
    for (RegressionSuite s : suites) for (RegressionCase c : s.cases()) results.add(run(s, c));
    return report(suites, results);
  }

  /** The report for results already run (one by one, as a test framework runs them). */
  public RegressionReport report(List<RegressionSuite> suites, List<CaseResult> results) {
    return new RegressionReport(results, coverage(suites, results));
  }

  private List<RuleCoverage> coverage(List<RegressionSuite> suites, List<CaseResult> results) {
    // A rule is where it is written: a base rule counts once, whichever pack's case fires it.
    Map<String, RuleCoverage> rules = new LinkedHashMap<>();
    Map<String, Map<String, String>> keyByPackAndRule = new HashMap<>();
    for (RegressionSuite s : suites) {
      PolicyEngine engine;
      try {
        engine = engine(s.pack());
      } catch (PolicyException e) {
        continue; // the cases already report it
      }
      for (PackManifest m : engine.versions()) {
        Map<String, String> keys = keyByPackAndRule.computeIfAbsent(m.ref(), k -> new HashMap<>());
        for (RuleDescription r : engine.rules(m.version())) {
          String key = r.file() + "\u0000" + r.name();
          rules.putIfAbsent(key, new RuleCoverage(r.id(), r.name(), r.file(), r.line(), 0));
          keys.put(r.id() + "\u0000" + r.name(), key);
        }
        Hit review = engine.reviewRule(m.version());
        String key = "review\u0000" + review.ruleId() + "\u0000" + review.citation();
        rules.putIfAbsent(key, new RuleCoverage(review.ruleId(), review.ruleName(), review.citation().document(), 0, 0));
        keys.put(review.ruleId() + "\u0000" + review.ruleName(), key);
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    for (CaseResult r : results) {
      if (r.decision() == null) continue;
      Map<String, String> keys = keyByPackAndRule.getOrDefault(r.decision().pack(), Map.of());
      r.decision().hits().stream().map(h -> keys.get(h.ruleId() + "\u0000" + h.ruleName()))
          .filter(Objects::nonNull).distinct().forEach(k -> counts.merge(k, 1, Integer::sum));
    }
    List<RuleCoverage> out = new ArrayList<>();
    rules.forEach((key, c) -> out.add(new RuleCoverage(c.ruleId(), c.ruleName(), c.file(), c.line(), counts.getOrDefault(key, 0))));
    out.sort(java.util.Comparator.comparing(RuleCoverage::file).thenComparingInt(RuleCoverage::line).thenComparing(RuleCoverage::ruleName));
    return out;
  }
}
