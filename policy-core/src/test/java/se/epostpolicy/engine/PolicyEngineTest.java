package se.epostpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import se.epostpolicy.RulePackException;
import se.epostpolicy.UnknownPackException;
import se.epostpolicy.facts.Address;
import se.epostpolicy.facts.Direction;
import se.epostpolicy.facts.MailFacts;
import se.epostpolicy.facts.MarkerType;
import se.epostpolicy.facts.Message;
import se.epostpolicy.pack.PackRepository;

class PolicyEngineTest {

  private static final PackRepository PACKS = PackRepository.directory(Path.of("src/test/resources/testpacks"));
  private static final PolicyEngine ENGINE = PolicyEngine.builder().repository(PACKS).pack("test-org@1").build();

  private static MailFacts facts(Direction direction, MarkerType... markers) {
    Message m = Message.builder().direction(direction).sender(new Address("x@extern.se", "")).markers(Set.of(markers)).build();
    return new MailFacts(m, List.of(), List.of());
  }

  private static Decision decide(Direction direction, MarkerType... markers) {
    return ENGINE.evaluate("t", facts(direction, markers), EvaluationContext.UNKNOWN);
  }

  @Test
  void forbiddenToSendStandsAloneAndTheRestIsListedAsSuppressed() {
    Decision d = decide(Direction.OUTBOUND, MarkerType.PATIENT_DATA);
    assertThat(d.verdicts()).containsExactly(Verdict.FORBIDDEN_TO_SEND);
    assertThat(d.notices()).containsExactly(Notice.USE_SECURE_CHANNEL);
    assertThat(d.hits()).filteredOn(Hit::suppressed).singleElement().satisfies(h -> {
      assertThat(h.ruleId()).isEqualTo("T-OUT");
      assertThat(h.suppressedBy()).isEqualTo("FORBIDDEN_TO_SEND");
    });
  }

  @Test
  void doNotDeleteBlocksDelete() {
    Decision d = decide(Direction.INBOUND, MarkerType.THREAT);
    assertThat(d.verdicts()).containsExactly(Verdict.REGISTER);
    assertThat(d.notices()).containsExactly(Notice.DO_NOT_DELETE);
    assertThat(d.hits()).filteredOn(h -> h.outcome() == Verdict.DELETE).singleElement()
        .satisfies(h -> assertThat(h.suppressedBy()).isEqualTo("DO_NOT_DELETE"));
  }

  @Test
  void aRuleThatOverridesAnotherSetsItsOutcomesAsideAndReviewFollows() {
    Decision d = decide(Direction.INBOUND, MarkerType.DISCLOSURE_REQUEST);
    assertThat(d.verdicts()).isEmpty();
    assertThat(d.notices()).containsExactlyInAnyOrder(Notice.HANDLE_PROMPTLY, Notice.REVIEW);
    assertThat(d.hits()).filteredOn(h -> h.ruleId().equals("T-REGISTER")).allMatch(h -> h.suppressedBy().equals("T-REQUEST"));
    assertThat(d.hits()).anyMatch(h -> h.ruleId().equals("T-REVIEW") && h.citation().document().equals("test.txt"));
  }

  @Test
  void hitsCiteTheirRuleMetadata() {
    Hit hit = decide(Direction.INBOUND).hits().get(0);
    assertThat(hit.ruleId()).isEqualTo("T-REGISTER");
    assertThat(hit.citation()).isEqualTo(new Citation("test.txt", "1"));
    assertThat(hit.reason()).isEqualTo("Inkommet.");
    assertThat(ENGINE.ruleIds()).contains("T-FORBID", "T-OUT", "T-OUT2", "T-REGISTER", "T-REQUEST", "T-REVIEW", "T-THREAT");
  }

  private static MailFacts outboundOn(String date) {
    Message m = Message.builder().direction(Direction.OUTBOUND).sender(new Address("a@test.se", ""))
        .date(date == null ? null : java.time.LocalDate.parse(date).atTime(10, 0).atZone(java.time.ZoneId.of("Europe/Stockholm")).toInstant())
        .build();
    return new MailFacts(m, List.of(), List.of());
  }

  @Test
  void versionsLiveSideBySideAndTheDecisionNamesTheOneThatDecided() {
    PolicyEngine byDate = PolicyEngine.builder().repository(PACKS).pack("test-org")
        .selection(VersionSelection.inForceOnMessageDate()).build();
    assertThat(byDate.versions()).extracting(m -> m.version()).containsExactly("1", "2");

    Decision before = byDate.evaluate("2021", outboundOn("2021-06-01"), EvaluationContext.UNKNOWN);
    assertThat(before.pack()).isEqualTo("test-org@1");
    assertThat(before.verdicts()).containsExactly(Verdict.REGISTER);

    Decision after = byDate.evaluate("2023", outboundOn("2023-06-01"), EvaluationContext.UNKNOWN);
    assertThat(after.pack()).isEqualTo("test-org@2");
    assertThat(after.verdicts()).containsExactly(Verdict.DELETE);
    assertThat(after.hits()).extracting(Hit::ruleId).doesNotContain("T-OUT").contains("T-OUT2");

    Decision onTheDay = byDate.evaluate("d", outboundOn("2022-01-01"), EvaluationContext.UNKNOWN);
    assertThat(onTheDay.pack()).isEqualTo("test-org@2");
  }

  @Test
  void newestExplicitAndFixedDateSelectionsPickTheirVersion() {
    MailFacts same = outboundOn("2023-06-01");
    Decision byOne = PolicyEngine.builder().repository(PACKS).pack("test-org@1").build().evaluate("m", same, EvaluationContext.UNKNOWN);
    Decision byTwo = PolicyEngine.builder().repository(PACKS).pack("test-org@2").build().evaluate("m", same, EvaluationContext.UNKNOWN);
    assertThat(byOne.verdicts()).as("the same mail by version 1").containsExactly(Verdict.REGISTER);
    assertThat(byTwo.verdicts()).as("the same mail by version 2").containsExactly(Verdict.DELETE);
    MailFacts old = outboundOn("2021-06-01");
    assertThat(PolicyEngine.builder().repository(PACKS).pack("test-org").build()
        .evaluate("x", old, EvaluationContext.UNKNOWN).pack()).isEqualTo("test-org@2");
    assertThat(PolicyEngine.builder().repository(PACKS).pack("test-org@1").build()
        .evaluate("x", outboundOn("2023-06-01"), EvaluationContext.UNKNOWN).pack()).isEqualTo("test-org@1");
    assertThat(PolicyEngine.builder().repository(PACKS).pack("test-org")
        .selection(VersionSelection.inForceOn(java.time.LocalDate.of(2021, 12, 31))).build()
        .evaluate("x", outboundOn("2023-06-01"), EvaluationContext.UNKNOWN).pack()).isEqualTo("test-org@1");
  }

  @Test
  void aMessageDatedBeforeEveryVersionOrUndatedIsAClearError() {
    PolicyEngine byDate = PolicyEngine.builder().repository(PACKS).pack("test-org")
        .selection(VersionSelection.inForceOnMessageDate()).build();
    assertThatThrownBy(() -> byDate.evaluate("x", outboundOn("2019-03-01"), EvaluationContext.UNKNOWN))
        .isInstanceOf(se.epostpolicy.EvaluationException.class)
        .hasMessageContaining("no version was in force on 2019-03-01").hasMessageContaining("test-org@1");
    assertThatThrownBy(() -> byDate.evaluate("x", outboundOn(null), EvaluationContext.UNKNOWN))
        .isInstanceOf(se.epostpolicy.EvaluationException.class).hasMessageContaining("no readable Date");
  }

  @Test
  void compileErrorsNameFileAndLine() {
    assertThatThrownBy(() -> PolicyEngine.builder().repository(PACKS).pack("broken@1").build())
        .isInstanceOf(RulePackException.class)
        .satisfies(e -> assertThat(((RulePackException) e).problems())
            .anyMatch(p -> p.file().equals("broken/1/bad.drl") && p.line() == 11));
  }

  @Test
  void aRuleWithoutCitationIsALoadError() {
    assertThatThrownBy(() -> PolicyEngine.builder().repository(PACKS).pack("nometa").build())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("nometa/1/rules.drl:8: rule \"N-01 cites nothing\" lacks @source, @heading, @reason");
  }

  @Test
  void anUnknownPackListsTheAvailableOnes() {
    assertThatThrownBy(() -> PolicyEngine.builder().repository(PACKS).pack("test-org@9").build())
        .isInstanceOf(UnknownPackException.class).hasMessageContaining("test-org@1");
  }

  @Test
  void oneEngineServesManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        boolean outbound = i % 2 == 0;
        results.add(pool.submit(() -> outbound
            ? decide(Direction.OUTBOUND, MarkerType.PATIENT_DATA).verdicts().equals(Set.of(Verdict.FORBIDDEN_TO_SEND))
            : decide(Direction.INBOUND, MarkerType.THREAT).verdicts().equals(Set.of(Verdict.REGISTER))));
      }
      for (Future<Boolean> f : results) assertThat(f.get()).isTrue();
    } finally {
      pool.shutdown();
    }
  }
}
