package se.epostpolicy.rules;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import se.epostpolicy.junit.PolicyRegression;

/**
 * The bundled packs as any organisation would test its own: through the JUnit 5 entry point, from
 * the folder of rules, with every rule covered.
 */
class BundledPolicyTest {

  @TestFactory
  Stream<DynamicNode> bundledPacks() {
    return PolicyRegression.rules(Path.of("src/main/resources/packs"))
        .cases(Path.of("src/test/resources/cases"))
        .minCoverage(100)
        .tests();
  }
}
