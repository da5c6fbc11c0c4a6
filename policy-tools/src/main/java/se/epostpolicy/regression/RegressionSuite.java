package se.epostpolicy.regression;

import com.fasterxml.jackson.databind.JsonNode;
import static se.epostpolicy.internal.YamlValues.strings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import se.epostpolicy.RulePackException;
import se.epostpolicy.RulePackException.Problem;
import se.epostpolicy.engine.CaseStatus;
import se.epostpolicy.engine.Decision;
import se.epostpolicy.engine.EvaluationContext;
import se.epostpolicy.engine.Hit;
import se.epostpolicy.engine.MailboxType;
import se.epostpolicy.engine.Notice;
import se.epostpolicy.engine.SenderHistory;
import se.epostpolicy.engine.Verdict;

/**
 * A {@code suite.yaml} of regression cases beside the mails it names:
 *
 * <pre>
 * pack: region-varmland@2019-01-01
 * cases:
 *   - mail: journal-inbound-patient-data.eml
 *     about: a parent writes about a child's diagnosis
 *     context: {senderHistory: FIRST_CONTACT, caseStatus: CLOSED, mailboxType: PERSONAL}
 *     verdicts: [JOURNAL, DELETE]
 *     notices: []
 *     fires: [VRM-02]
 *     notFires: [VRM-03]
 *     reason: {VRM-02: journalföras}
 * </pre>
 *
 * <p>A key a case does not know is a problem, so a misspelt expectation ({@code notfires:}) cannot
 * pass silently.
 *
 * @param file the suite file
 * @param pack the pack reference the cases are judged by ({@code policy:} is read as the same key)
 * @param cases the cases, in file order
 * @since 0.1
 */
public record RegressionSuite(Path file, String pack, List<RegressionCase> cases) {

  /** The suite file name looked for in case folders. */
  public static final String FILE_NAME = "suite.yaml";

  private static final ObjectMapper YAML = se.epostpolicy.internal.YamlValues.YAML;

  private static final List<String> CASE_KEYS =
      List.of("mail", "about", "context", "verdicts", "notices", "fires", "notFires", "reason");

  public RegressionSuite {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(pack, "pack");
    cases = List.copyOf(cases);
  }

  /** Every {@code suite.yaml} under {@code root}, in path order. */
  public static List<RegressionSuite> findAll(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().equals(FILE_NAME)).sorted().map(RegressionSuite::load).toList();
    } catch (IOException e) {
      throw new RulePackException(root.toString(), List.of(new Problem(root.toString(), 0, "cannot list cases: " + e)));
    }
  }

  /**
   * Reads one suite file.
   *
   * @throws RulePackException naming the file and the problem when it is malformed
   */
  public static RegressionSuite load(Path file) {
    List<Problem> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new RulePackException(file.toString(), List.of(new Problem(file.toString(), 0, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""))));
    }
    String pack = root == null ? null : root.hasNonNull("pack") ? root.get("pack").asText() : root.hasNonNull("policy") ? root.get("policy").asText() : null;
    if (pack == null) problems.add(new Problem(file.toString(), 0, "missing 'pack' (the pack the cases are judged by, id@version)"));
    List<RegressionCase> cases = new ArrayList<>();
    if (root != null) {
      int i = 0;
      for (JsonNode c : root.path("cases")) {
        i++;
        String mailName = c.path("mail").asText("");
        if (mailName.isEmpty()) {
          problems.add(new Problem(file.toString(), 0, "case " + i + " has no 'mail'"));
          continue;
        }
        for (java.util.Iterator<String> keys = c.fieldNames(); keys.hasNext(); ) {
          String key = keys.next();
          if (!CASE_KEYS.contains(key)) {
            problems.add(new Problem(file.toString(), 0, "case " + i + ": unknown key '" + key + "' (known: " + CASE_KEYS + ")"));
          }
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        if (c.has("reason")) {
          if (!c.get("reason").isObject()) {
            problems.add(new Problem(file.toString(), 0, "case " + i + ": 'reason' maps rule ids to words of their reason, as {VRM-02: journalföras}"));
          } else {
            c.get("reason").fields().forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asText()));
          }
        }
        Path mail = file.resolveSibling(mailName);
        if (!Files.isRegularFile(mail)) problems.add(new Problem(file.toString(), 0, "case " + i + ": no file " + mailName));
        try {
          JsonNode ctx = c.path("context");
          EvaluationContext context = EvaluationContext.UNKNOWN
              .withSenderHistory(enumOf(ctx.path("senderHistory").asText("UNKNOWN"), SenderHistory::valueOf))
              .withCaseStatus(enumOf(ctx.path("caseStatus").asText("UNKNOWN"), CaseStatus::valueOf))
              .withMailboxType(enumOf(ctx.path("mailboxType").asText("UNKNOWN"), MailboxType::valueOf));
          String folder = file.getParent() == null ? "" : file.getParent().getFileName() + "/";
          cases.add(new RegressionCase(folder + mailName + " [" + i + "]", c.path("about").asText(""), mail, context,
              c.has("verdicts") ? Optional.of(enums(c.get("verdicts"), Verdict.class)) : Optional.empty(),
              c.has("notices") ? Optional.of(enums(c.get("notices"), Notice.class)) : Optional.empty(),
              strings(c.get("fires")), strings(c.get("notFires")), reasons));
        } catch (IllegalArgumentException e) {
          problems.add(new Problem(file.toString(), 0, "case " + i + ": " + e.getMessage()));
        }
      }
    }
    if (!problems.isEmpty()) throw new RulePackException(file.toString(), problems);
    return new RegressionSuite(file, pack, cases);
  }

  /**
   * What is wrong with {@code decision} against {@code c}; empty when the case passes.
   * Each line says what was expected and what came, and names the hits behind it.
   */
  public static List<String> check(RegressionCase c, Decision decision) {
    List<String> failures = new ArrayList<>();
    c.verdicts().ifPresent(v -> {
      if (!v.equals(decision.verdicts())) failures.add("verdicts: expected " + v + " but was " + decision.verdicts());
    });
    c.notices().ifPresent(n -> {
      if (!n.equals(decision.notices())) failures.add("notices: expected " + n + " but was " + decision.notices());
    });
    List<String> fired = decision.hits().stream().map(Hit::ruleId).distinct().toList();
    for (String id : c.fires()) if (!fired.contains(id)) failures.add("rule " + id + " should fire but did not");
    for (String id : c.notFires()) if (fired.contains(id)) failures.add("rule " + id + " should not fire but did");
    c.reasons().forEach((id, words) -> {
      List<String> reasons = decision.hits().stream().filter(h -> h.ruleId().equals(id)).map(Hit::reason).toList();
      if (reasons.isEmpty()) {
        failures.add("rule " + id + " should fire with a reason saying \"" + words + "\" but did not fire");
      } else if (reasons.stream().noneMatch(r -> r.toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT)))) {
        failures.add("rule " + id + ": its reason should say \"" + words + "\" but says \"" + reasons.get(0) + "\"");
      }
    });
    if (!failures.isEmpty()) {
      for (Hit h : decision.hits()) {
        failures.add("  hit " + h.ruleId() + " → " + h.outcome().name() + (h.suppressed() ? " (suppressed by " + h.suppressedBy() + ")" : ""));
      }
      failures.add("  markers " + decision.markers().stream().map(m -> m.type() + "@" + m.location()).toList());
    }
    return failures;
  }

  private static <E extends Enum<E>> E enumOf(String name, Function<String, E> valueOf) {
    return valueOf.apply(name.trim().toUpperCase(Locale.ROOT));
  }

  private static <E extends Enum<E>> Set<E> enums(JsonNode node, Class<E> type) {
    Set<E> out = EnumSet.noneOf(type);
    for (String s : strings(node)) out.add(Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT)));
    return out;
  }
}
