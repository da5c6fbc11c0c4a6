package se.epostpolicy.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static se.epostpolicy.samples.cli.AuthorToolsTest.BUNDLED;
import static se.epostpolicy.samples.cli.AuthorToolsTest.HEADER;
import static se.epostpolicy.samples.cli.AuthorToolsTest.copy;
import static se.epostpolicy.samples.cli.AuthorToolsTest.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rules folder whose rules run code is refused by every command unless --allow-rule-code says its author is trusted. */
class RuleCodeTest {

  static final String MAIL = "samples/01-inkommen-ansokan-om-bidrag.eml";

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  /** The base pack and {@code kod@1}, whose one rule runs {@code body} on every inbound mail. */
  private static Path packRunning(Path dir, String when, String body) throws IOException {
    copy(BUNDLED.resolve("base"), dir.resolve("base"));
    write(dir.resolve("kod/1/pack.yaml"), """
        id: kod
        version: "1"
        title: Kod
        organisation: Test
        source: 000_6f22731d08f2bb4b.txt
        inForce: 2020-01-01
        includes: [base@1]
        profile: {internalDomains: [test.se], massMailingThreshold: 50, bccThreshold: 10}
        """);
    write(dir.resolve("kod/1/kod.drl"), "package t.kod;\n" + HEADER + """

        rule "KOD-1 kör kod"
          @id("KOD-1") @source("000_6f22731d08f2bb4b.txt") @heading("Kod") @reason("Kod.")
        when
          Message( %s )
        then
          decide.to(drools, Verdict.REGISTER);
          %s
        end
        """.formatted(when, body));
    return dir;
  }

  @Test
  void lintReportsSystemExitInAConsequenceWithFileAndLine(@TempDir Path dir) throws Exception {
    // The rule never fires (no mail is both inbound and outbound): lint must find it by reading, not running.
    packRunning(dir, "inbound && outbound", "System.exit(3);");
    CliRun r = run("lint", "--rules", dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("kod/1/kod.drl:14: rule \"KOD-1 kör kod\" runs code in its consequence: System.exit(3); "
            + "(a consequence may only record outcomes with decide.to(drools, Verdict.…, Notice.…))")
        .contains("kod@1: its rules run code (1 place above)")
        .contains("--allow-rule-code")
        .contains("2 problem(s)");
    CliRun allowed = run("lint", "--rules", dir.toString(), "--allow-rule-code");
    assertThat(allowed.exit()).as(allowed.out()).isZero();
  }

  @Test
  void classifyRefusesAPackThatCallsSystemExitAndLoadsItWhenAllowed(@TempDir Path dir) throws Exception {
    packRunning(dir, "inbound && outbound", "System.exit(3);");
    CliRun refused = run("classify", "--rules", dir.toString(), "--policy", "kod", MAIL);
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err())
        .startsWith("policy-check: rule pack kod@1 has 2 problem(s):")
        .contains("kod/1/kod.drl:14: rule \"KOD-1 kör kod\" runs code in its consequence: System.exit(3);")
        .contains("PolicyEngine.builder().allowRuleCode(true), policy-check --allow-rule-code")
        .doesNotContain("Exception").doesNotContain("\tat ");

    CliRun allowed = run("classify", "--rules", dir.toString(), "--policy", "kod", "--allow-rule-code", MAIL);
    assertThat(allowed.exit()).as(allowed.err()).isZero();
    assertThat(allowed.out()).contains("policy kod@1").contains("1 message(s) evaluated, 0 could not be evaluated");
  }

  @Test
  void aRuleThatWritesAFileRunsOnlyBehindTheFlagInEveryCommand(@TempDir Path dir) throws Exception {
    Path marker = dir.resolve("ran.txt");
    Path rules = packRunning(dir.resolve("rules"), "inbound",
        "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"ran\");");
    write(dir.resolve("cases/suite.yaml"), "policy: kod\ncases:\n  - mail: mail.eml\n    verdicts: [REGISTER]\n");
    Files.copy(Path.of(MAIL), dir.resolve("cases/mail.eml"));

    assertThat(run("classify", "--rules", rules.toString(), "--policy", "kod", MAIL).exit()).isEqualTo(1);
    assertThat(run("explain", "--rules", rules.toString(), "--policy", "kod", MAIL).exit()).isEqualTo(1);
    CliRun test = run("test", "--rules", rules.toString(), dir.resolve("cases").toString());
    assertThat(test.exit()).isEqualTo(1);
    assertThat(test.out()).contains("could not be evaluated: rule pack kod@1 has 2 problem(s)");
    assertThat(marker).doesNotExist();

    CliRun allowed = run("classify", "--rules", rules.toString(), "--policy", "kod", "--allow-rule-code", MAIL);
    assertThat(allowed.exit()).as(allowed.err()).isZero();
    assertThat(marker).hasContent("ran");
    Files.delete(marker);
    CliRun tested = run("test", "--rules", rules.toString(), "--allow-rule-code", dir.resolve("cases").toString());
    assertThat(tested.out()).contains("1 passed, 0 failed");
    assertThat(marker).hasContent("ran");
  }
}
