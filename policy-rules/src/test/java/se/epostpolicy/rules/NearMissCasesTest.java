package se.epostpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.regression.RegressionCase;
import se.epostpolicy.regression.RegressionSuite;

/**
 * Every rule of the bundled packs has a case that must fire it and a near-miss that must not. The
 * cases themselves run in {@link BundledPolicyTest}, through the JUnit 5 entry point.
 */
class NearMissCasesTest {

  static final Path CASES = Path.of("src/test/resources/cases");
  private static final Map<String, PolicyEngine> ENGINES = new ConcurrentHashMap<>();

  static PolicyEngine engine(String policy) {
    return ENGINES.computeIfAbsent(policy, PolicyEngine::load);
  }

  @Test
  void everyRuleHasATriggeringAndANearMissCase() {
    Map<String, TreeSet<String>> positive = new TreeMap<>();
    Map<String, TreeSet<String>> negative = new TreeMap<>();
    TreeSet<String> ruleIds = new TreeSet<>();
    for (RegressionSuite suite : RegressionSuite.findAll(CASES)) {
      ruleIds.addAll(engine(suite.pack()).ruleIds());
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
