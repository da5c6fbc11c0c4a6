package se.epostpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.epostpolicy.facts.Address;
import se.epostpolicy.facts.Direction;
import se.epostpolicy.facts.MailFacts;
import se.epostpolicy.facts.Message;

class ReloadingPolicyEngineTest {

  static final MailFacts OUTBOUND = new MailFacts(
      Message.builder().direction(Direction.OUTBOUND).sender(new Address("a@test.se", "")).build(), List.of(), List.of());

  static void copyTestOrg(Path dir) throws IOException {
    Path from = Path.of("src/test/resources/testpacks/test-org/1");
    Path to = Files.createDirectories(dir.resolve("test-org/1"));
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : s.toList()) Files.copy(p, to.resolve(p.getFileName().toString()));
    }
  }

  /** Outgoing mail is registered; the edit below makes it deleted instead. */
  static void setOutboundVerdict(Path dir, String verdict) throws IOException {
    Path rules = dir.resolve("test-org/1/rules.drl");
    String text = Files.readString(rules);
    text = text.replaceAll("(rule \"T-OUT registers\"[\\s\\S]*?decide\\.to\\(drools, Verdict\\.)\\w+", "$1" + verdict);
    Files.writeString(rules, text);
  }

  static Verdict outboundVerdict(PolicyEngine engine) {
    return engine.evaluate("t", OUTBOUND, EvaluationContext.UNKNOWN).verdicts().iterator().next();
  }

  @Test
  void reloadsSwapAtomicallyUnderConcurrentEvaluationAndABrokenEditKeepsTheOldRules(@TempDir Path dir) throws Exception {
    copyTestOrg(dir);
    try (ReloadingPolicyEngine engine = ReloadingPolicyEngine.on(dir,
        repo -> PolicyEngine.builder().repository(repo).pack("test-org").build())) {
      assertThat(outboundVerdict(engine.current())).isEqualTo(Verdict.REGISTER);

      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger evaluations = new AtomicInteger();
      List<Throwable> errors = new CopyOnWriteArrayList<>();
      Set<Verdict> seen = ConcurrentHashMap.newKeySet();
      CountDownLatch started = new CountDownLatch(4);
      List<Thread> threads = Stream.generate(() -> new Thread(() -> {
        started.countDown();
        while (!stop.get()) {
          try {
            seen.add(outboundVerdict(engine.current()));
            evaluations.incrementAndGet();
          } catch (Throwable t) {
            errors.add(t);
          }
        }
      })).limit(4).toList();
      threads.forEach(Thread::start);
      started.await();

      PolicyEngine before = engine.current();
      for (int i = 0; i < 10; i++) {
        setOutboundVerdict(dir, i % 2 == 0 ? "DELETE" : "REGISTER");
        assertThat(engine.reload().swapped()).isTrue();
      }
      // An engine taken before the reloads still decides by the rules it had.
      assertThat(outboundVerdict(before)).isEqualTo(Verdict.REGISTER);
      assertThat(outboundVerdict(engine.current())).isEqualTo(Verdict.REGISTER);

      Files.writeString(dir.resolve("test-org/1/broken.drl"), "package broken;\nrule \"X\" when Nonsense( then end\n");
      ReloadingPolicyEngine.ReloadResult refused = engine.reload();
      assertThat(refused.swapped()).isFalse();
      assertThat(refused.problems()).anyMatch(p -> p.file().equals("test-org/1/broken.drl"));
      assertThat(outboundVerdict(engine.current())).as("the old rules keep running").isEqualTo(Verdict.REGISTER);

      stop.set(true);
      for (Thread t : threads) t.join();
      assertThat(errors).isEmpty();
      assertThat(evaluations.get()).isGreaterThan(100);
      assertThat(seen).containsExactlyInAnyOrder(Verdict.REGISTER, Verdict.DELETE);
    }
  }

  @Test
  void aWatchedFolderReloadsByItselfAfterAnEdit(@TempDir Path dir) throws Exception {
    copyTestOrg(dir);
    BlockingQueue<ReloadingPolicyEngine.ReloadResult> reloads = new LinkedBlockingQueue<>();
    try (ReloadingPolicyEngine engine = ReloadingPolicyEngine.watch(dir,
        repo -> PolicyEngine.builder().repository(repo).pack("test-org").build(), reloads::add)) {
      setOutboundVerdict(dir, "DELETE");
      ReloadingPolicyEngine.ReloadResult r = reloads.poll(20, TimeUnit.SECONDS);
      assertThat(r).as("a reload after the edit").isNotNull();
      assertThat(r.swapped()).isTrue();
      assertThat(outboundVerdict(engine.current())).isEqualTo(Verdict.DELETE);
    }
  }
}
