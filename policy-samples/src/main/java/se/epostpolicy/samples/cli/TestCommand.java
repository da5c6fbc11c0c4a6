package se.epostpolicy.samples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.epostpolicy.RulePackException;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.mail.MailReader;
import se.epostpolicy.pack.PackRepository;
import se.epostpolicy.regression.CaseResult;
import se.epostpolicy.regression.RegressionReport;
import se.epostpolicy.regression.RegressionRunner;
import se.epostpolicy.regression.RegressionSuite;
import se.epostpolicy.regression.RuleCoverage;

/** {@code policy-check test}: regression cases, a readable report, JUnit XML and rule coverage. */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = "Runs regression cases (suite.yaml files, or folders holding them) and reports failures and rule coverage.")
final class TestCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  RulesOption rules;

  @Mixin
  ReadingOptions readingOptions;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML.")
  Path junit;

  @Option(names = "--min-coverage", paramLabel = "N", description = "Fail when fewer than N percent of the rules are fired by some case.")
  Double minCoverage;

  @Parameters(arity = "1..*", paramLabel = "CASES", description = "suite.yaml files or folders with them.")
  List<Path> cases = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    Terminal out = new Terminal(spec.commandLine().getOut());
    RegressionReport report;
    try (MailReader reader = readingOptions.reader()) {
      List<RegressionSuite> suites = RegressionRunner.suites(cases);
      PackRepository repository = rules.repository();
      report = new RegressionRunner(policy -> PolicyEngine.builder().repository(repository).pack(policy)
          .allowRuleCode(rules.allowRuleCode).build(), reader).run(suites);
    } catch (RulePackException e) {
      new Terminal(spec.commandLine().getErr()).printf("policy-check: %s%n", e.getMessage());
      return PolicyCheck.SOME_FAILED;
    }
    for (CaseResult r : report.results()) {
      if (r.passed()) continue;
      out.printf("FAIL %s (%s)%n", r.regressionCase().name(), r.suite().pack());
      if (!r.regressionCase().about().isEmpty()) out.printf("     %s%n", r.regressionCase().about());
      out.printf("     mail: %s%n", r.regressionCase().mail());
      for (String f : r.failures()) out.printf("     %s%n", f);
    }
    out.printf("%n%d case(s): %d passed, %d failed%n", report.results().size(), report.passed(), report.failed());
    out.println();
    out.println("Rule coverage (cases that fire each rule):");
    for (RuleCoverage c : report.coverage()) {
      out.printf("  %4d  %-8s %s%s%n", c.cases(), c.ruleId(), c.line() > 0 ? c.file() + ":" + c.line() : c.file(),
          c.covered() ? "" : "   <- no case fires this rule");
    }
    out.printf(Locale.ROOT, "%d of %d rules covered (%.1f %%)%n", report.coverage().size() - report.uncovered().size(),
        report.coverage().size(), report.coveragePercent());
    if (junit != null) {
      report.writeJUnitXml(junit);
      out.printf("JUnit XML written to %s%n", junit);
    }
    boolean coverageOk = minCoverage == null || report.coveragePercent() + 1e-9 >= minCoverage;
    if (!coverageOk) out.printf(Locale.ROOT, "coverage %.1f %% is below the minimum %.1f %%%n", report.coveragePercent(), minCoverage);
    out.printf("%d passed, %d failed%n", report.passed(), report.failed());
    out.flush();
    return report.failed() == 0 && coverageOk ? PolicyCheck.OK : PolicyCheck.SOME_FAILED;
  }
}
