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
 * extraction apart from rule evaluation, the whole of {@code classify} (read, facts, rules), and
 * beside it the floor: the work no implementation can skip (jakarta.mail's parse and decode of
 * every part, Tika's text of every document attachment with one reused parser). The ratio
 * {@code classify / floor} is measured in one run. Scores are per message (13 messages per invocation).
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

  /** The whole decision of each message, as {@code classify} makes it (without printing). */
  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public void classify(Blackhole bh) {
    for (byte[] b : raw) bh.consume(engine.evaluate(reader.read(new ByteArrayInputStream(b), "bench")));
  }

  private final jakarta.mail.Session session = jakarta.mail.Session.getInstance(new java.util.Properties());
  private final org.apache.tika.parser.AutoDetectParser tika = new org.apache.tika.parser.AutoDetectParser();

  /**
   * The floor: parse the MIME, decode every text part, and hand every attachment that is not an
   * image, audio or video to one reused Tika parser for its text. No facts, no rules.
   */
  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public void floor(Blackhole bh) throws Exception {
    for (byte[] b : raw) {
      jakarta.mail.internet.MimeMessage m = new jakarta.mail.internet.MimeMessage(session, new ByteArrayInputStream(b));
      walk(m, bh);
    }
  }

  private void walk(jakarta.mail.Part part, Blackhole bh) throws Exception {
    Object content;
    try {
      content = part.getContent();
    } catch (java.io.IOException | jakarta.mail.MessagingException e) {
      return;
    }
    if (content instanceof jakarta.mail.Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) walk(mp.getBodyPart(i), bh);
    } else if (content instanceof jakarta.mail.Message nested) {
      walk(nested, bh);
    } else if (content instanceof String text) {
      bh.consume(text);
    } else if (content instanceof java.io.InputStream in) {
      String type = part.getContentType().toLowerCase(java.util.Locale.ROOT);
      if (type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/")) {
        bh.consume(in.readAllBytes());
        return;
      }
      org.apache.tika.sax.BodyContentHandler h = new org.apache.tika.sax.BodyContentHandler(2_000_000);
      try (org.apache.tika.io.TikaInputStream t = org.apache.tika.io.TikaInputStream.get(in.readAllBytes())) {
        tika.parse(t, h, new org.apache.tika.metadata.Metadata(), new org.apache.tika.parser.ParseContext());
      } catch (Exception e) {
        // broken documents cost what they cost; the floor does not judge them
      }
      bh.consume(h.toString());
    }
  }

  /** Insert the facts into a new session, fire the rules, apply precedence. */
  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public void evaluate(Blackhole bh) {
    for (MailFacts f : facts) bh.consume(engine.evaluate("bench", f, EvaluationContext.UNKNOWN));
  }
}
