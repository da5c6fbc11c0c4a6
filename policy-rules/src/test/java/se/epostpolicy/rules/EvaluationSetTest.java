package se.epostpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import se.epostpolicy.engine.Verdict;
import se.epostpolicy.pack.PackRepository;
import se.epostpolicy.regression.CaseResult;
import se.epostpolicy.regression.RegressionCase;
import se.epostpolicy.regression.RegressionRunner;
import se.epostpolicy.regression.RegressionSuite;

/**
 * The mail-level evaluation set: realistic mails written blind from the catalogue (never from the
 * word lists), each with the decision the catalogue demands, split once into a tuning half and a
 * frozen half (later batches go to the tuning half only). The frozen half is never tuned on and
 * never edited. The tuning half is held to issue 8's bar (95 % exact verdict sets, no missed and no
 * false {@code FORBIDDEN_TO_SEND}); the frozen half to the level it has reached, so that any loss
 * fails the build, and the test says whether it meets the bar.
 *
 * <p>{@code mvn -B -pl policy-core,policy-rules -am test -Dtest=EvaluationSetTest -Dsurefire.failIfNoSpecifiedTests=false}
 * prints the table per pack and half and names the wrong cases of the tuning half
 * ({@code -Devaluation.verbose=true} explains them); the frozen half is reported as counts only.
 */
class EvaluationSetTest {

  private static final Path ROOT = Path.of("src/test/resources/evaluation");
  /** Issue 8's bar for both halves: 95 % exact verdict sets, no missed and no false FORBIDDEN_TO_SEND. */
  private static final double BAR = 0.95;
  /**
   * What the frozen half is held to today: the level reached, so that any loss fails the build.
   * Below issue 8's bar (one Åland mail that must not be sent is still let through): raise these
   * to {@link #BAR} and zero when the frozen half gets there, never lower them.
   */
  private static final double FROZEN_FLOOR = 0.939;
  private static final int FROZEN_MISSED_FORBIDDEN_ALLOWED = 1;

  /** Counts for one pack in one half. */
  static final class Score {
    int cases;
    int exactVerdicts;
    int exactNotices;
    int missedForbidden;
    int falseForbidden;
    int errors;

    void add(Score o) {
      cases += o.cases;
      exactVerdicts += o.exactVerdicts;
      exactNotices += o.exactNotices;
      missedForbidden += o.missedForbidden;
      falseForbidden += o.falseForbidden;
      errors += o.errors;
    }

    double accuracy() {
      return cases == 0 ? 0 : (double) exactVerdicts / cases;
    }

    String row(String name) {
      return String.format("%-24s %5d %7d %8.3f %8.3f %7d %7d %6d", name, cases, exactVerdicts, accuracy(),
          cases == 0 ? 0 : (double) exactNotices / cases, missedForbidden, falseForbidden, errors);
    }
  }

  @Test
  void bothHalvesDecideAsTheCatalogueSays() {
    RegressionRunner runner = new RegressionRunner(PackRepository.classpath());
    StringBuilder table = new StringBuilder();
    Map<String, Score> totals = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    boolean verbose = Boolean.getBoolean("evaluation.verbose");
    for (String half : List.of("tuning", "frozen")) {
      Path dir = ROOT.resolve(half);
      assertThat(dir).as("evaluation half %s", half).isDirectory();
      Map<String, Score> perPack = new TreeMap<>();
      for (RegressionSuite suite : RegressionSuite.findAll(dir)) {
        String pack = suite.pack().replaceAll("@.*", "");
        Score s = perPack.computeIfAbsent(pack, k -> new Score());
        for (RegressionCase c : suite.cases()) {
          CaseResult r = runner.run(suite, c);
          s.cases++;
          if (r.decision() == null) {
            s.errors++;
            if (half.equals("tuning")) wrong.add(half + " " + c.name() + ": " + r.failures());
            continue;
          }
          Set<Verdict> expected = c.verdicts().orElseThrow(() -> new AssertionError(c.name() + " has no expected verdicts"));
          Set<Verdict> actual = r.decision().verdicts();
          boolean exact = expected.equals(actual);
          if (exact) s.exactVerdicts++;
          if (c.notices().map(n -> n.equals(r.decision().notices())).orElse(true)) s.exactNotices++;
          boolean expectForbidden = expected.contains(Verdict.FORBIDDEN_TO_SEND);
          boolean forbidden = actual.contains(Verdict.FORBIDDEN_TO_SEND);
          if (expectForbidden && !forbidden) s.missedForbidden++;
          if (!expectForbidden && forbidden) s.falseForbidden++;
          // The frozen half's wrong cases stay unnamed: whoever tunes must not learn them one by one.
          if (!exact && half.equals("tuning")) {
            String line = half + " " + suite.pack() + " " + c.name() + ": expected " + expected + " but was " + actual;
            if (verbose) line += " — " + c.about() + "\n      " + String.join("\n      ", r.failures());
            wrong.add(line);
          }
        }
      }
      Score all = new Score();
      table.append(String.format("%n%s half%n%-24s %5s %7s %8s %8s %7s %7s %6s%n", half, "pack", "cases", "exact", "accuracy",
          "notices", "missedF", "falseF", "errors"));
      perPack.forEach((pack, s) -> {
        table.append(s.row(pack)).append('\n');
        all.add(s);
      });
      table.append(all.row("all")).append('\n');
      totals.put(half, all);
    }
    System.out.print("Evaluation set (verdict sets exact; notices exact as a second figure; F = FORBIDDEN_TO_SEND)" + table);
    wrong.forEach(w -> System.out.println("  wrong: " + w));

    Score frozen = totals.get("frozen");
    Score tuning = totals.get("tuning");
    assertThat(frozen.cases).as("frozen cases").isGreaterThanOrEqualTo(75);
    assertThat(tuning.cases).as("tuning cases").isGreaterThanOrEqualTo(75);
    System.out.printf("issue 8 bar (%.2f exact, no missed or false FORBIDDEN_TO_SEND): tuning %s, frozen %s%n", BAR,
        meets(tuning) ? "met" : "NOT met", meets(frozen) ? "met" : "NOT met");
    assertThat(frozen.missedForbidden).as("frozen: missed FORBIDDEN_TO_SEND").isLessThanOrEqualTo(FROZEN_MISSED_FORBIDDEN_ALLOWED);
    assertThat(frozen.falseForbidden).as("frozen: false FORBIDDEN_TO_SEND").isZero();
    assertThat(frozen.accuracy()).as("frozen: exact verdict sets").isGreaterThanOrEqualTo(FROZEN_FLOOR);
    assertThat(tuning.missedForbidden).as("tuning: missed FORBIDDEN_TO_SEND").isZero();
    assertThat(tuning.falseForbidden).as("tuning: false FORBIDDEN_TO_SEND").isZero();
    assertThat(tuning.accuracy()).as("tuning: exact verdict sets").isGreaterThanOrEqualTo(BAR);
  }

  private static boolean meets(Score s) {
    return s.accuracy() >= BAR && s.missedForbidden == 0 && s.falseForbidden == 0;
  }

  @Test
  void theHalvesShareNoMail() throws Exception {
    List<String> tuning = new ArrayList<>();
    List<String> frozen = new ArrayList<>();
    try (var s = Files.walk(ROOT.resolve("tuning"))) {
      s.filter(p -> p.toString().endsWith(".eml")).forEach(p -> tuning.add(digest(p)));
    }
    try (var s = Files.walk(ROOT.resolve("frozen"))) {
      s.filter(p -> p.toString().endsWith(".eml")).forEach(p -> frozen.add(digest(p)));
    }
    assertThat(frozen).isNotEmpty().doesNotContainAnyElementsOf(tuning);
  }

  private static String digest(Path p) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
