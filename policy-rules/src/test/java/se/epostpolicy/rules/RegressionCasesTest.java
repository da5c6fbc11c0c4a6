package se.epostpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import se.epostpolicy.engine.Decision;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.mail.MailReader;
import se.epostpolicy.regression.RegressionCase;
import se.epostpolicy.regression.RegressionSuite;

/** Runs every bundled regression case, one dynamic test per case, opening the mail on failure. */
class RegressionCasesTest {

  static final Path CASES = Path.of("src/test/resources/cases");
  private static final Map<String, PolicyEngine> ENGINES = new ConcurrentHashMap<>();
  private static final MailReader READER = new MailReader();

  static PolicyEngine engine(String policy) {
    return ENGINES.computeIfAbsent(policy, PolicyEngine::load);
  }

  @TestFactory
  Stream<DynamicTest> everyCaseGivesItsExpectedDecision() {
    return RegressionSuite.findAll(CASES).stream().flatMap(suite -> suite.cases().stream().map(c ->
        dynamicTest(suite.policy() + " › " + c.name() + " › " + c.about(), c.mail().toUri(), () -> {
          Decision d = engine(suite.policy()).evaluate(READER.readFile(c.mail()), c.context());
          List<String> failures = RegressionSuite.check(c, d);
          assertThat(failures).as("case %s", c.name()).isEmpty();
        })));
  }

  @Test
  void everyRuleHasATriggeringAndANearMissCase() {
    Map<String, TreeSet<String>> positive = new TreeMap<>();
    Map<String, TreeSet<String>> negative = new TreeMap<>();
    TreeSet<String> ruleIds = new TreeSet<>();
    for (RegressionSuite suite : RegressionSuite.findAll(CASES)) {
      ruleIds.addAll(engine(suite.policy()).ruleIds());
      for (RegressionCase c : suite.cases()) {
        c.fires().forEach(id -> positive.computeIfAbsent(id, k -> new TreeSet<>()).add(c.name()));
        c.notFires().forEach(id -> negative.computeIfAbsent(id, k -> new TreeSet<>()).add(c.name()));
      }
    }
    assertThat(ruleIds).as("rule ids of the bundled packs").contains("BAS-01", "BAS-08", "VRM-01", "VRM-07");
    assertThat(ruleIds.stream().filter(id -> !positive.containsKey(id)).toList()).as("rules without a triggering case").isEmpty();
    assertThat(ruleIds.stream().filter(id -> !negative.containsKey(id)).toList()).as("rules without a near-miss case").isEmpty();
  }
}
