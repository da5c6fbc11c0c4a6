package se.epostpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.epostpolicy.RulePackException;
import se.epostpolicy.RulePackException.Problem;
import se.epostpolicy.pack.PackRepository;

/** Engines and hot reload refuse packs whose rules run code, unless the embedding system allows it. */
class RuleCodeRefusalTest {

  /** A rule beside test-org's own that writes {@code marker} when outgoing mail is judged. */
  private static void addWritingRule(Path dir, Path marker) throws IOException {
    Files.writeString(dir.resolve("test-org/1/code.drl"), """
        package test.code;
        import se.epostpolicy.facts.Message;
        import se.epostpolicy.engine.Verdict;
        import se.epostpolicy.engine.RuleOutcomes;
        global RuleOutcomes decide;

        rule "T-CODE writes a file"
          @id("T-CODE") @source("test.txt") @heading("6") @reason("Kod.")
        when
          Message( outbound )
        then
          java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
        end
        """.formatted(marker));
  }

  /** A rule whose metadata writes {@code marker}: Drools evaluates it while compiling. */
  private static void addCompilingRule(Path dir, Path marker) throws IOException {
    Files.writeString(dir.resolve("test-org/1/meta.drl"), """
        package test.meta;
        import se.epostpolicy.facts.Message;

        rule "T-META writes while compiling"
          @id(java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "compiled")) @source("test.txt") @heading("7") @reason("Kod.")
        when
          Message( outbound )
        then
        end
        """.formatted(marker));
  }

  private static PolicyEngine build(Path dir, boolean allowRuleCode) {
    return PolicyEngine.builder().repository(PackRepository.directory(dir)).pack("test-org").allowRuleCode(allowRuleCode).build();
  }

  @Test
  void aPackWhoseConsequenceWritesAFileIsRefusedUnlessCodeIsAllowed(@TempDir Path dir) throws Exception {
    ReloadingPolicyEngineTest.copyTestOrg(dir);
    Path marker = dir.resolve("ran.txt");
    addWritingRule(dir, marker);

    RulePackException refused = catchThrowableOfType(RulePackException.class, () -> build(dir, false));
    assertThat(refused.pack()).isEqualTo("test-org@1");
    assertThat(refused.problems()).hasSize(2);
    assertThat(refused.problems().get(0).toString())
        .startsWith("test-org/1/code.drl:12: rule \"T-CODE writes a file\" runs code in its consequence: "
            + "java.nio.file.Files.writeString(java.nio.file.Path.of(")
        .endsWith("(a consequence may only record outcomes with decide.to(drools, Verdict.…, Notice.…))");
    assertThat(refused.problems().get(1).toString()).isEqualTo("test-org@1: its rules run code (1 place above); rule packs are "
        + "data, and run code only where the embedding system allows it: PolicyEngine.builder().allowRuleCode(true), "
        + "policy-check --allow-rule-code");
    assertThat(refused.getMessage()).startsWith("rule pack test-org@1 has 2 problem(s):");

    PolicyEngine trusted = build(dir, true);
    assertThat(marker).doesNotExist();
    trusted.evaluate("t", ReloadingPolicyEngineTest.OUTBOUND, EvaluationContext.UNKNOWN);
    assertThat(marker).hasContent("ran");
  }

  @Test
  void codeInMetadataIsRefusedBeforeTheCompilerWouldRunIt(@TempDir Path dir) throws Exception {
    ReloadingPolicyEngineTest.copyTestOrg(dir);
    Path marker = dir.resolve("compiled.txt");
    addCompilingRule(dir, marker);

    assertThatThrownBy(() -> build(dir, false)).isInstanceOf(RulePackException.class)
        .hasMessageContaining("test-org/1/meta.drl:5: rule \"T-META writes while compiling\": @id(")
        .hasMessageContaining("is not a quoted value");
    assertThat(marker).doesNotExist();

    // What the check stands in front of: compiling the pack runs the metadata.
    try {
      build(dir, true);
    } catch (RulePackException e) {
      // whatever else the compiler says of it, it has run by now
    }
    assertThat(marker).hasContent("compiled");
  }

  @Test
  void hotReloadRefusesAnEditThatAddsCodeAndKeepsTheRulesRunning(@TempDir Path dir) throws Exception {
    ReloadingPolicyEngineTest.copyTestOrg(dir);
    Path marker = dir.resolve("ran.txt");
    try (ReloadingPolicyEngine engine = ReloadingPolicyEngine.on(dir,
        repo -> PolicyEngine.builder().repository(repo).pack("test-org").build())) {
      PolicyEngine before = engine.current();
      addWritingRule(dir, marker);
      ReloadingPolicyEngine.ReloadResult result = engine.reload();
      assertThat(result.swapped()).isFalse();
      assertThat(result.problems()).extracting(Problem::file).contains("test-org/1/code.drl");
      assertThat(engine.current()).isSameAs(before);
      engine.current().evaluate("t", ReloadingPolicyEngineTest.OUTBOUND, EvaluationContext.UNKNOWN);
      assertThat(marker).doesNotExist();
    }
    assertThatThrownBy(() -> ReloadingPolicyEngine.on(dir, repo -> PolicyEngine.builder().repository(repo).pack("test-org").build()))
        .isInstanceOf(RulePackException.class).hasMessageContaining("test-org/1/code.drl:12");
    try (ReloadingPolicyEngine trusted = ReloadingPolicyEngine.on(dir,
        repo -> PolicyEngine.builder().repository(repo).pack("test-org").allowRuleCode(true).build())) {
      assertThat(trusted.reload().swapped()).isTrue();
      trusted.current().evaluate("t", ReloadingPolicyEngineTest.OUTBOUND, EvaluationContext.UNKNOWN);
      assertThat(marker).hasContent("ran");
    }
  }
}
