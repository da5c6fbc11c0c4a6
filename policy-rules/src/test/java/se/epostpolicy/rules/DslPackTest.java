package se.epostpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.epostpolicy.RulePackException;
import se.epostpolicy.engine.Decision;
import se.epostpolicy.engine.Hit;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.mail.MailReader;
import se.epostpolicy.pack.PackRepository;
import se.epostpolicy.regression.RegressionCase;
import se.epostpolicy.regression.RegressionSuite;

/** The Swedish rule language: a whole pack in it decides as its DRL twin, and its errors name the .dslr line. */
class DslPackTest {

  static final Path PACKS = Path.of("src/main/resources/packs");

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }

  @Test
  void theDslPackDecidesEveryCaseAsItsDrlTwin(@TempDir Path dir) throws Exception {
    copy(PACKS.resolve("base"), dir.resolve("base"));
    copy(Path.of("src/test/resources/dsl-twin/datainspektionen-aland"), dir.resolve("datainspektionen-aland"));
    PolicyEngine dsl = PolicyEngine.load("datainspektionen-aland");
    PolicyEngine drl = PolicyEngine.builder().repository(PackRepository.directory(dir)).pack("datainspektionen-aland").build();
    assertThat(dsl.ruleIds()).isEqualTo(drl.ruleIds());
    MailReader reader = new MailReader();
    RegressionSuite suite = RegressionSuite.load(Path.of("src/test/resources/cases/datainspektionen-aland/2013-05-20/suite.yaml"));
    assertThat(suite.cases()).hasSizeGreaterThanOrEqualTo(8);
    for (RegressionCase c : suite.cases()) {
      var mail = reader.readFile(c.mail());
      Decision a = dsl.evaluate(mail, c.context());
      Decision b = drl.evaluate(mail, c.context());
      assertThat(a.verdicts()).as(c.name()).isEqualTo(b.verdicts());
      assertThat(a.notices()).as(c.name()).isEqualTo(b.notices());
      assertThat(a.hits()).extracting(Hit::ruleId, Hit::outcome, Hit::citation, Hit::suppressed).as(c.name())
          .isEqualTo(b.hits().stream().map(h -> org.assertj.core.groups.Tuple.tuple(h.ruleId(), h.outcome(), h.citation(), h.suppressed())).toList());
      assertThat(RegressionSuite.check(c, b)).as("the DRL twin passes " + c.name()).isEmpty();
    }
  }

  @Test
  void aSentenceTheVocabularyLacksIsReportedAtItsDslrLine(@TempDir Path dir) throws Exception {
    copy(PACKS.resolve("base"), dir.resolve("base"));
    Path pack = Files.createDirectories(dir.resolve("trasig/1"));
    Files.writeString(pack.resolve("pack.yaml"), """
        id: trasig
        version: "1"
        title: Trasig
        organisation: Test
        source: test.txt
        inForce: 2020-01-01
        includes: [base@1]
        profile: {internalDomains: [test.se], massMailingThreshold: 50, bccThreshold: 10}
        """);
    Files.writeString(pack.resolve("trasig.dslr"), """
        package test.trasig;
        import se.epostpolicy.facts.Message;
        import se.epostpolicy.engine.Verdict;
        import se.epostpolicy.engine.RuleOutcomes;
        global RuleOutcomes decide;

        regel "T-1 Okänd mening"
          @id("T-1") @source("test.txt") @heading("1") @reason("r")
        när
          meddelandet
          - flyger över månen
        då
          ska det diarieföras
        slut
        """);
    assertThatThrownBy(() -> PolicyEngine.builder().repository(PackRepository.directory(dir)).pack("trasig").build())
        .isInstanceOf(RulePackException.class)
        .satisfies(e -> assertThat(((RulePackException) e).problems())
            .anyMatch(p -> p.file().equals("trasig/1/trasig.dslr") && p.line() == 11));
  }
}
