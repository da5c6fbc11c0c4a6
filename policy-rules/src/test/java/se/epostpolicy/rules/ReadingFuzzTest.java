package se.epostpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.params.provider.MethodSource;
import se.epostpolicy.MailReadException;
import se.epostpolicy.mail.Email;
import se.epostpolicy.mail.MailReader;

/**
 * Coverage-guided fuzzing of {@link MailReader}: any bytes give an {@link Email} or a
 * {@link MailReadException}, and nothing else escapes, no other exception and no {@link Error}.
 * An input slower than the timeout is a finding too. In {@code mvn verify} Jazzer fuzzes this for
 * a short while ({@code -Dfuzz.duration}, profile {@code fuzz} for a long run); plain test runs
 * replay the findings in {@code ReadingFuzzTestInputs/} and the seeds.
 */
class ReadingFuzzTest {

  private static final MailReader READER = new MailReader();

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> seeds() {
    return MailSeeds.seeds();
  }

  @MethodSource("seeds")
  @FuzzTest
  void anyBytesAreReadOrRefusedWithATypedError(byte[] mail) {
    try {
      Email email = READER.read(new ByteArrayInputStream(mail), "fuzz.eml");
      assertThat(email.sizeBytes()).isEqualTo(mail.length);
    } catch (MailReadException refused) {
      assertThat(refused.source()).isEqualTo("fuzz.eml");
    }
  }
}
