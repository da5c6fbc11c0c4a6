package se.epostpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import se.epostpolicy.PolicyException;
import se.epostpolicy.engine.Decision;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.mail.MailReader;
import se.epostpolicy.mail.ReadOutcome;

/**
 * Every file of the shared real-mail corpus goes through the reader and the engine: each message
 * gives a decision or a typed error, and nothing escapes. Skipped, visibly, where the corpus is absent.
 */
class CorpusRobustnessTest {

  @Test
  void everyCorpusMessageGivesADecisionOrATypedError() throws Exception {
    Path corpus = Path.of(System.getProperty("epostpolicy.corpus", "../../shared/corpus"));
    if (!Files.isDirectory(corpus)) {
      System.out.println("SKIPPED corpus test: no real-mail corpus at " + corpus.toAbsolutePath()
          + " (CI has ../shared/corpus beside the clone)");
    }
    Assumptions.assumeTrue(Files.isDirectory(corpus),
        "real-mail corpus not found at " + corpus.toAbsolutePath() + " (it sits beside the clone in CI); skipped");
    PolicyEngine engine = PolicyEngine.load("region-varmland");
    MailReader reader = new MailReader();
    List<Path> files;
    try (var s = Files.walk(corpus)) {
      files = s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().matches("(?i)(README\\.md|LICENSE|NOTICE)"))
          .sorted().toList();
    }
    int[] decided = new int[1];
    int[] warned = new int[1];
    Map<String, Integer> errors = new TreeMap<>();
    Map<String, Integer> attachmentTypes = new TreeMap<>();
    Map<String, Integer> protection = new TreeMap<>();
    int[] attachments = new int[3]; // all, with text, encrypted
    List<String> escaped = new ArrayList<>();
    for (Path f : files) {
      try {
        reader.read(f, corpus.relativize(f).toString(), outcome -> {
          if (outcome instanceof ReadOutcome.Parsed p) {
            var email = p.email();
            if (email.encryption() != se.epostpolicy.facts.Encryption.NONE) protection.merge(email.encryption().name(), 1, Integer::sum);
            for (var a : email.attachments()) {
              attachments[0]++;
              if (!a.text().isBlank()) attachments[1]++;
              if (a.encrypted()) attachments[2]++;
              attachmentTypes.merge(a.detectedType(), 1, Integer::sum);
            }
            try {
              Decision d = engine.evaluate(email);
              assertThat(d.needsReview()).isEqualTo(d.verdicts().isEmpty() || d.facts().message().contentNotRead());
              decided[0]++;
              if (!d.warnings().isEmpty()) warned[0]++;
            } catch (PolicyException e) {
              errors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            }
          } else {
            errors.merge(((ReadOutcome.Unreadable) outcome).error().getClass().getSimpleName(), 1, Integer::sum);
          }
        });
      } catch (RuntimeException e) {
        escaped.add(corpus.relativize(f) + ": " + e);
      }
    }
    System.out.printf("corpus: %d files, %d messages decided (%d with reading warnings), typed errors %s, escaped %d%n",
        files.size(), decided[0], warned[0], errors, escaped.size());
    System.out.printf("corpus attachments: %d, %d with text extracted, %d encrypted; messages by protection %s%n",
        attachments[0], attachments[1], attachments[2], protection);
    System.out.printf("corpus attachments by detected type: %s%n", attachmentTypes);
    assertThat(escaped).as("exceptions that escaped").isEmpty();
    assertThat(decided[0]).as("messages decided").isGreaterThan(files.size() / 2);
  }
}
