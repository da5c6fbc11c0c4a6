package se.epostpolicy.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import se.epostpolicy.engine.EvaluationContext;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.facts.MailFacts;
import se.epostpolicy.mail.Email;
import se.epostpolicy.mail.MailReader;

/**
 * Per message, on the bundled sample mails ({@code policy-samples/samples/*.eml}): reading and fact
 * extraction apart from rule evaluation. Scores are per message (13 messages per invocation).
 * Run from the repository root: {@code java -jar policy-bench/target/benchmarks.jar}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyBenchmark {

  static final int SAMPLES = 13;

  private final MailReader reader = new MailReader();
  private PolicyEngine engine;
  private final List<byte[]> raw = new ArrayList<>();
  private final List<MailFacts> facts = new ArrayList<>();

  @Setup
  public void setup() throws IOException {
    Path dir = Path.of(System.getProperty("samples", "policy-samples/samples"));
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) raw.add(Files.readAllBytes(p));
    }
    if (raw.size() != SAMPLES) throw new IllegalStateException("expected " + SAMPLES + " sample mails in " + dir + ", found " + raw.size());
    engine = PolicyEngine.load("region-varmland");
    for (byte[] b : raw) facts.add(engine.facts(reader.read(new ByteArrayInputStream(b), "bench")));
  }

  /** Parse the MIME, decode, walk parts and extract facts and markers. */
  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public void readAndExtract(Blackhole bh) {
    for (byte[] b : raw) {
      Email e = reader.read(new ByteArrayInputStream(b), "bench");
      bh.consume(engine.facts(e));
    }
  }

  /** Insert the facts into a new session, fire the rules, apply precedence. */
  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public void evaluate(Blackhole bh) {
    for (MailFacts f : facts) bh.consume(engine.evaluate("bench", f, EvaluationContext.UNKNOWN));
  }
}
