package se.epostpolicy.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import se.epostpolicy.engine.Decision;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.mail.MailReader;

/**
 * Reading and deciding one very large mail, whole: {@code n} recipients in one folded To field,
 * or {@code n} small attachments. Time should grow linearly with {@code n}; the unit tests check
 * the work (bytes allocated), this measures the time.
 * {@code java -jar policy-bench/target/benchmarks.jar LargeMailBenchmark -p n=25000,50000,100000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class LargeMailBenchmark {

  @Param({"25000", "50000", "100000"})
  int n;

  private final MailReader reader = new MailReader();
  private PolicyEngine engine;
  private byte[] manyRecipients;
  private byte[] manyAttachments;

  @Setup
  public void setup() {
    engine = PolicyEngine.load("region-varmland");
    StringBuilder to = new StringBuilder("From: lena.berg@regionvarmland.se\r\nDate: Mon, 3 Nov 2025 10:00:00 +0100\r\nTo: ");
    for (int i = 0; i < n; i++) to.append(i == 0 ? "" : ",\r\n ").append("Person ").append(i).append(" <p").append(i).append("@mottagare.se>");
    manyRecipients = to.append("\r\nSubject: Till alla\r\n\r\nHej!\r\n").toString().getBytes(StandardCharsets.UTF_8);
    StringBuilder parts = new StringBuilder("From: anna@extern.se\r\nDate: Mon, 3 Nov 2025 10:00:00 +0100\r\nTo: vard@regionvarmland.se\r\n"
        + "Subject: Bilagor\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSe bilagorna.\r\n");
    for (int i = 0; i < n; i++) {
      parts.append("--b\r\nContent-Type: application/octet-stream; name=\"f").append(i).append(".bin\"\r\n")
          .append("Content-Disposition: attachment\r\n\r\nabc").append(i).append("\r\n");
    }
    manyAttachments = parts.append("--b--\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public Decision recipients() {
    return engine.evaluate(reader.read(new ByteArrayInputStream(manyRecipients), "bench"));
  }

  @Benchmark
  public Decision attachments() {
    return engine.evaluate(reader.read(new ByteArrayInputStream(manyAttachments), "bench"));
  }
}
