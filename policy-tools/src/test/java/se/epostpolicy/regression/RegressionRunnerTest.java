package se.epostpolicy.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.epostpolicy.RulePackException;
import se.epostpolicy.TestOrg;
import se.epostpolicy.pack.PackRepository;

/** Suites as data, cases checked against decisions, rule coverage and JUnit XML, on the small test pack. */
class RegressionRunnerTest {

  @TempDir
  Path dir;
  private Path packs;
  private Path cases;

  @BeforeEach
  void setUp() throws Exception {
    packs = TestOrg.copyTo(Files.createDirectory(dir.resolve("packs")));
    cases = Files.createDirectory(dir.resolve("cases"));
    TestOrg.inboundMail(cases, "in.eml");
    TestOrg.outboundMail(cases, "out.eml");
  }

  private RegressionReport run(String suite) throws Exception {
    Files.writeString(cases.resolve("suite.yaml"), suite);
    return new RegressionRunner(PackRepository.directory(packs)).run(RegressionRunner.suites(List.of(cases)));
  }

  @Test
  void casesPassWhenTheDecisionIsAsExpectedAndCoverageCountsTheRulesTheyFire() throws Exception {
    RegressionReport report = run("""
        pack: test-org@1
        cases:
          - mail: in.eml
            verdicts: [REGISTER, DELETE]
            fires: [T-REGISTER]
            reason: {T-REGISTER: inkommet}
          - mail: out.eml
            notFires: [T-REGISTER]
        """);
    assertThat(report.results()).allSatisfy(r -> assertThat(r.failures()).isEmpty());
    assertThat(report.passed()).isEqualTo(2);
    assertThat(report.coverage()).filteredOn(c -> c.ruleId().equals("T-REGISTER")).singleElement()
        .satisfies(c -> assertThat(c.cases()).isEqualTo(1));
    assertThat(report.coverage()).filteredOn(c -> c.ruleId().equals("T-THREAT")).singleElement()
        .satisfies(c -> assertThat(c.covered()).isFalse());
    assertThat(report.uncovered()).extracting(RuleCoverage::ruleId).doesNotContain("T-REGISTER").contains("T-THREAT");
  }

  @Test
  void eachUnmetExpectationIsAFailureThatSaysWhatCame() throws Exception {
    RegressionReport report = run("""
        policy: test-org@1
        cases:
          - mail: in.eml
            verdicts: [JOURNAL]
            notices: [STYLE]
            fires: [T-THREAT]
            notFires: [T-REGISTER]
            reason: {T-REGISTER: utgående}
        """);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.results().get(0).failures()).contains(
        "verdicts: expected [JOURNAL] but was [REGISTER, DELETE]",
        "rule T-THREAT should fire but did not",
        "rule T-REGISTER should not fire but did",
        "rule T-REGISTER: its reason should say \"utgående\" but says \"Inkommet.\"");
    assertThat(report.results().get(0).failures()).anySatisfy(f -> assertThat(f).startsWith("notices: expected [STYLE]"));
  }

  @Test
  void aReasonOfARuleThatDidNotFireFails() throws Exception {
    RegressionReport report = run("""
        policy: test-org@1
        cases:
          - mail: out.eml
            reason: {T-REGISTER: inkommet}
        """);
    assertThat(report.results().get(0).failures()).first()
        .isEqualTo("rule T-REGISTER should fire with a reason saying \"inkommet\" but did not fire");
  }

  @Test
  void anUnknownKeyOrAMissingMailIsAProblemOfTheSuiteFile() throws Exception {
    Files.writeString(cases.resolve("suite.yaml"), """
        policy: test-org@1
        cases:
          - mail: in.eml
            notfires: [T-REGISTER]
          - mail: saknas.eml
        """);
    RulePackException e = catchThrowableOfType(RulePackException.class, () -> RegressionRunner.suites(List.of(cases)));
    assertThat(e.problems()).extracting(RulePackException.Problem::message).containsExactly(
        "case 1: unknown key 'notfires' (known: [mail, about, context, verdicts, notices, fires, notFires, reason])",
        "case 2: no file saknas.eml");
  }

  @Test
  void junitXmlHoldsOneTestcasePerCaseAndTheFailures() throws Exception {
    RegressionReport report = run("""
        policy: test-org@1
        cases:
          - mail: in.eml
            verdicts: [REGISTER, DELETE]
          - mail: out.eml
            verdicts: [JOURNAL]
        """);
    Path xml = dir.resolve("junit.xml");
    report.writeJUnitXml(xml);
    String text = Files.readString(xml);
    assertThat(text.split("<testcase ", -1)).hasSize(3);
    assertThat(text.split("<failure", -1)).hasSize(2);
    assertThat(text).contains("tests=\"2\"").contains("failures=\"1\"");
  }

  @Test
  void aSuiteForAPackThatDoesNotExistFailsEveryCaseWithTheReason() throws Exception {
    RegressionReport report = run("""
        policy: no-such-org
        cases:
          - mail: in.eml
        """);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.results().get(0).failures()).singleElement().asString().startsWith("could not be evaluated: ");
  }
}
