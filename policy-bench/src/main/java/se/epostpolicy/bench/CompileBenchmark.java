package se.epostpolicy.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.pack.PackRepository;

/**
 * Resolving and compiling the region-varmland pack (base included) into a new KieBase. With the
 * defaults the first build in each fork is cold: run {@code -wi 0 -i 1 -f 10} for cold builds only.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@Fork(1)
public class CompileBenchmark {

  @Benchmark
  public PolicyEngine compilePack() {
    return PolicyEngine.builder().repository(PackRepository.classpath()).pack("region-varmland").build();
  }
}
