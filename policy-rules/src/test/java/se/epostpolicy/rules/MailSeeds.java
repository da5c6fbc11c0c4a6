package se.epostpolicy.rules;

import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The mails the fuzz tests start from, read at run time and never copied into the project: the
 * sample mails always, and while fuzzing the real-mail corpus at {@code ../shared/corpus} when it
 * is there, unless {@code epostpolicy.fuzz.seeds=samples} (the short run in {@code mvn verify},
 * whose seconds would go to replaying 600 corpus files). In regression mode the corpus is left
 * out too, as {@code CorpusRobustnessTest} already reads and decides every file of it; the fuzz
 * tests then replay their own findings ({@code <TestClass>Inputs/<method>/}) and the samples.
 */
final class MailSeeds {

  /** Larger corpus files make slow fuzzing inputs; the corpus test reads them whole. */
  private static final long MAX_SEED_BYTES = 256 * 1024;

  private MailSeeds() {}

  static Stream<Arguments> seeds() {
    Stream<Path> files = files(Path.of(System.getProperty("epostpolicy.samples", "../policy-samples/samples")));
    Path corpus = Path.of(System.getProperty("epostpolicy.corpus", "../../shared/corpus"));
    boolean corpusSeeds = !"samples".equals(System.getProperty("epostpolicy.fuzz.seeds"));
    if (fuzzing() && corpusSeeds && Files.isDirectory(corpus)) files = Stream.concat(files, files(corpus));
    return files.map(f -> arguments(named(f.getFileName().toString(), read(f))));
  }

  /** Jazzer fuzzes when JAZZER_FUZZ is set, as an environment variable or a system property. */
  private static boolean fuzzing() {
    String flag = System.getProperty("JAZZER_FUZZ", System.getenv("JAZZER_FUZZ"));
    return flag != null && List.of("1", "true", "yes").contains(flag.toLowerCase(java.util.Locale.ROOT));
  }

  private static Stream<Path> files(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().matches("(?i)(README\\.md|LICENSE|NOTICE)"))
          .filter(p -> size(p) <= MAX_SEED_BYTES)
          .sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
