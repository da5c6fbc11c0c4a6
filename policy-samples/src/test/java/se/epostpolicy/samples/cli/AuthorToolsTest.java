package se.epostpolicy.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint, test and explain as a rule author and a CI pipeline use them. */
class AuthorToolsTest {

  static final Path BUNDLED = Path.of("../policy-rules/src/main/resources/packs");
  static final Path CASES = Path.of("../policy-rules/src/test/resources/cases");

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  static final String HEADER = """
      import se.epostpolicy.facts.Message;
      import se.epostpolicy.facts.MarkerType;
      import se.epostpolicy.engine.Verdict;
      import se.epostpolicy.engine.RuleOutcomes;
      global RuleOutcomes decide;
      """;

  @Test
  void lintPassesTheBundledPacksAndTheirFolder() {
    assertThat(run("lint").exit()).isZero();
    CliRun folder = run("lint", "--rules", BUNDLED.toString(), "--sources", "../../shared/seeds", "--sources", "../../shared/spec");
    if (Files.isDirectory(Path.of("../../shared/seeds"))) {
      assertThat(folder.exit()).as(folder.out()).isZero();
    } else {
      // Without the policy documents beside the clone, every citation is one the sources lack.
      assertThat(folder.exit()).as(folder.out()).isEqualTo(1);
      assertThat(folder.out()).contains("which is not in");
    }
    assertThat(folder.out()).contains("6 pack version(s) checked");
  }

  @Test
  void lintFindsWhatTheCompilerFindsAndWhatItDoesNot(@TempDir Path dir) throws Exception {
    copy(BUNDLED.resolve("base"), dir.resolve("base"));
    String manifest = """
        id: trasig
        version: "%s"
        title: Trasig
        organisation: Test
        source: dokument.txt
        inForce: 2020-01-01
        includes: [base@1]
        profile: {internalDomains: [test.se], massMailingThreshold: 50, bccThreshold: 10}
        """;
    write(dir.resolve("trasig/1/pack.yaml"), manifest.formatted("1"));
    write(dir.resolve("trasig/1/a.drl"), "package t.a;\n" + HEADER + """
        rule "T-1 syntax"
          @id("T-1") @source("dokument.txt") @heading("1") @reason("r")
        when
          Message( inbound,, )
        then
        end
        """);
    write(dir.resolve("trasig/2/pack.yaml"), manifest.formatted("2"));
    write(dir.resolve("trasig/2/a.drl"), "package t.b;\n" + HEADER + """
        rule "T-2 no heading"
          @id("T-2") @source("dokument.txt") @reason("r")
        when
          Message( inbound )
        then
        end

        rule "T-3 cites a stranger"
          @id("T-3") @source("okänt.txt") @heading("3") @reason("r")
        when
          Message( inbound, markers contains MarkerType.PATIENT_DATA )
        then
          decide.to(drools, Verdict.JOURNAL);
        end
        """);
    write(dir.resolve("trasig/2/b.drl"), "package t.c;\n" + HEADER + """
        rule "T-3 again in another file"
          @id("T-3") @source("dokument.txt") @heading("3") @reason("r")
        when
          Message( outbound )
        then
        end
        """);
    write(dir.resolve("trasig/2/markers.yaml"), "markers:\n  PATIENT_DATUM:\n    terms: [x]\n");
    write(dir.resolve("ofullstandig/1/pack.yaml"), "id: ofullstandig\nversion: \"1\"\norganisation: Test\nsource: d.txt\ninForce: 2020-01-01\n");

    CliRun r = run("lint", "--rules", dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("trasig/1/a.drl:10:")
        .contains("trasig/2/a.drl:7: rule \"T-2 no heading\" lacks @heading")
        .contains("trasig/2/markers.yaml: unknown marker type PATIENT_DATUM")
        .contains("ofullstandig/1/pack.yaml: missing field 'title'")
        .contains("trasig/2/pack.yaml: in force from 2020-01-01, the same day as version 1");

    write(dir.resolve("trasig/2/markers.yaml"), "markers: {}\n");
    write(dir.resolve("trasig/2/a.drl"), Files.readString(dir.resolve("trasig/2/a.drl")).replace("@id(\"T-2\") @source", "@id(\"T-2\") @heading(\"2\") @source"));
    CliRun second = run("lint", "--rules", dir.toString());
    assertThat(second.out())
        .contains("trasig/2/a.drl:14: rule T-3 cites okänt.txt, which no manifest of trasig@2 names as source or sources")
        .contains("rule id T-3 is also used in");
  }

  @Test
  void testReportsFailuresWithExpectedActualAndHitsAndWritesJUnitXml(@TempDir Path dir) throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.copy(CASES.resolve("region-varmland/2019-01-01/journal-inbound-patient-data.eml"), dir.resolve("patient.eml"));
    write(suite, """
        policy: region-varmland
        cases:
          - mail: patient.eml
            about: deliberately wrong
            verdicts: [REGISTER]
            fires: [VRM-03]
          - mail: patient.eml
            about: right
            verdicts: [JOURNAL, DELETE]
            fires: [VRM-02]
        """);
    Path xml = dir.resolve("out/junit.xml");
    CliRun r = run("test", "--junit", xml.toString(), suite.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL patient.eml [1]".replace("patient.eml", dir.getFileName() + "/patient.eml"))
        .contains("verdicts: expected [REGISTER] but was [JOURNAL, DELETE]")
        .contains("rule VRM-03 should fire but did not")
        .contains("hit VRM-02 → JOURNAL")
        .contains("1 passed, 1 failed")
        .contains("<- no case fires this rule");
    String junit = Files.readString(xml);
    assertThat(junit).contains("<testsuites tests=\"2\" failures=\"1\">").contains("<failure message=\"verdicts: expected [REGISTER]");
  }

  @Test
  void minCoverageFailsARunThatLeavesRulesUnfired(@TempDir Path dir) throws Exception {
    Files.copy(CASES.resolve("region-varmland/2019-01-01/journal-inbound-patient-data.eml"), dir.resolve("patient.eml"));
    write(dir.resolve("suite.yaml"), "policy: region-varmland\ncases:\n  - mail: patient.eml\n    verdicts: [JOURNAL, DELETE]\n");
    CliRun low = run("test", "--min-coverage", "50", dir.toString());
    assertThat(low.exit()).isEqualTo(1);
    assertThat(low.out()).contains("1 passed, 0 failed").contains("is below the minimum 50.0 %");
    CliRun all = run("test", "--min-coverage", "100", CASES.toString());
    assertThat(all.exit()).as(all.out()).isZero();
    assertThat(all.out()).contains("(100.0 %)");
  }

  @Test
  void testJudgesByAFolderOfRules(@TempDir Path dir) throws Exception {
    CliRun r = run("test", "--rules", BUNDLED.toString(), CASES.resolve("region-vastmanland").toString());
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("3 case(s): 3 passed, 0 failed");
  }

  @Test
  void explainShowsFactsMarkersRulesPrecedenceAndTheDecision() {
    CliRun r = run("explain", "--policy", "region-varmland", "samples/08-internt-vidarebefordrad-virusvarning.eml");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("Judged by region-varmland@2019-01-01")
        .contains("direction        INTERNAL")
        .contains("VIRUS_WARNING")
        .contains("VRM-05  FORBIDDEN_TO_SEND")
        .contains("Virusvarningar ska inte sändas vidare")
        .contains("SET ASIDE: the mail may not be sent at all")
        .contains("verdicts: FORBIDDEN_TO_SEND");
    CliRun masked = run("explain", "--policy", "region-halland", "samples/03-inkommen-provsvar-fran-patient.eml");
    assertThat(masked.out()).contains("19121212-****").doesNotContain("19121212-1212");
  }
}
