package se.epostpolicy.junit;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.opentest4j.AssertionFailedError;
import se.epostpolicy.RulePackException;
import se.epostpolicy.lint.PackLinter;
import se.epostpolicy.pack.PackRepository;
import se.epostpolicy.regression.CaseResult;
import se.epostpolicy.regression.RegressionCase;
import se.epostpolicy.regression.RegressionReport;
import se.epostpolicy.regression.RegressionRunner;
import se.epostpolicy.regression.RegressionSuite;
import se.epostpolicy.regression.RuleCoverage;

/**
 * A project's whole policy regression suite as JUnit 5 dynamic tests: the packs are linted, every
 * case in its {@code suite.yaml} files becomes a test that opens its mail on failure, and coverage
 * is checked against a minimum. One small test class is enough:
 *
 * <pre>{@code
 * class OurPolicyTest {
 *   @TestFactory
 *   Stream<DynamicNode> policy() {
 *     return PolicyRegression.rules(Path.of("src/main/policy")).cases(Path.of("src/test/policy")).minCoverage(100).tests();
 *   }
 * }
 * }</pre>
 *
 * <p>Without {@link #rules(Path)} the packs on the class path ({@code packs/}) are used.
 * Immutable; each method returns a changed copy.
 *
 * @since 0.1
 */
public final class PolicyRegression {

  private final PackRepository repository;
  private final String rulesName;
  private final List<Path> cases;
  private final double minCoverage;

  private PolicyRegression(PackRepository repository, String rulesName, List<Path> cases, double minCoverage) {
    this.repository = repository;
    this.rulesName = rulesName;
    this.cases = List.copyOf(cases);
    this.minCoverage = minCoverage;
  }

  /** The packs in {@code folder} ({@code <id>/<version>/pack.yaml}). */
  public static PolicyRegression rules(Path folder) {
    return new PolicyRegression(PackRepository.directory(folder), folder.toString(), List.of(), 0);
  }

  /** The packs on the class path. */
  public static PolicyRegression bundledRules() {
    return new PolicyRegression(PackRepository.classpath(), "classpath:packs", List.of(), 0);
  }

  /** Adds {@code suite.yaml} files, or folders searched for them. */
  public PolicyRegression cases(Path... paths) {
    List<Path> all = new ArrayList<>(cases);
    for (Path p : paths) all.add(Objects.requireNonNull(p, "path"));
    return new PolicyRegression(repository, rulesName, all, minCoverage);
  }

  /** Fails the coverage test when fewer than {@code percent} of the rules are fired by some case. */
  public PolicyRegression minCoverage(double percent) {
    return new PolicyRegression(repository, rulesName, cases, percent);
  }

  /**
   * The tests: {@code lint} for the packs, a container per suite with a test per case, and
   * {@code coverage}. Cases run when JUnit runs them; coverage is computed over all of them.
   */
  public Stream<DynamicNode> tests() {
    List<RegressionSuite> suites = RegressionRunner.suites(cases);
    RegressionRunner runner = new RegressionRunner(repository);
    List<CaseResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
    int total = suites.stream().mapToInt(su -> su.cases().size()).sum();
    List<DynamicNode> nodes = new ArrayList<>();
    nodes.add(dynamicTest("lint " + rulesName, () -> {
      List<RulePackException.Problem> problems = PackLinter.lint(repository, List.of());
      if (!problems.isEmpty()) {
        throw new AssertionFailedError(problems.size() + " problem(s) in the packs:\n"
            + String.join("\n", problems.stream().map(Object::toString).toList()));
      }
    }));
    for (RegressionSuite suite : suites) {
      List<DynamicNode> tests = new ArrayList<>();
      for (RegressionCase c : suite.cases()) {
        String name = c.name() + (c.about().isEmpty() ? "" : " › " + c.about());
        tests.add(dynamicTest(name, c.mail().toUri(), () -> {
          CaseResult r = runner.run(suite, c);
          results.add(r);
          if (!r.passed()) throw new AssertionFailedError(String.join("\n", r.failures()));
        }));
      }
      nodes.add(dynamicContainer(suite.pack() + " › " + suite.file(), suite.file().toUri(), tests.stream()));
    }
    nodes.add(dynamicTest("coverage of the rules (at least " + minCoverage + " %)", () -> {
      // The cases ran as the tests before this one; when some were filtered out, run them all here.
      RegressionReport report = results.size() == total ? runner.report(suites, List.copyOf(results)) : runner.run(suites);
      if (report.coveragePercent() + 1e-9 < minCoverage) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.1f %% of the rules are fired by some case; at least %.1f %% required. No case fires:",
            report.coveragePercent(), minCoverage));
        for (RuleCoverage c : report.uncovered()) sb.append("\n  ").append(c.ruleId()).append(" ").append(c.file()).append(c.line() > 0 ? ":" + c.line() : "");
        throw new AssertionFailedError(sb.toString());
      }
    }));
    return nodes.stream();
  }
}
