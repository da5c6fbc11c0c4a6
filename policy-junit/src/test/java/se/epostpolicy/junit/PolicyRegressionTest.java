package se.epostpolicy.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class PolicyRegressionTest {

  static final Path DEMO = Path.of("src/test/resources/demo");

  private static List<DynamicTest> flatten(List<DynamicNode> nodes) {
    List<DynamicTest> out = new ArrayList<>();
    for (DynamicNode n : nodes) {
      if (n instanceof DynamicTest t) out.add(t);
      else ((DynamicContainer) n).getChildren().forEach(c -> out.addAll(flatten(List.of(c))));
    }
    return out;
  }

  @Test
  void aProjectsPacksAndCasesBecomeLintCaseAndCoverageTests() throws Throwable {
    List<DynamicTest> tests = flatten(PolicyRegression.rules(DEMO.resolve("packs")).cases(DEMO.resolve("cases")).tests().toList());
    assertThat(tests).extracting(DynamicTest::getDisplayName)
        .containsExactly("lint " + DEMO.resolve("packs"), "cases/inbound.eml [1] › inbound mail is registered",
            "coverage of the rules (at least 0.0 %)");
    for (DynamicTest t : tests) t.getExecutable().execute();
  }

  @Test
  void aRuleNoCaseFiresFailsTheCoverageTestByName() throws Throwable {
    List<DynamicTest> tests = flatten(PolicyRegression.rules(DEMO.resolve("packs")).cases(DEMO.resolve("cases"))
        .minCoverage(100).tests().toList());
    DynamicTest coverage = tests.get(tests.size() - 1);
    assertThatThrownBy(() -> coverage.getExecutable().execute())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("D-2 demo/1/demo.drl:17")
        .hasMessageContaining("D-REVIEW");
  }
}
