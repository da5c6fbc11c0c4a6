package se.epostpolicy.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.epostpolicy.samples.hostile.HostileMail;

/** What could not be read is said in every output a person or a gateway reads (BAS-09). */
class ContentNotReadOutputTest {

  @TempDir
  Path dir;

  @Test
  void textJsonAndExplainSayWhatWasNotReadAndThatTheMailMayNotBeSent() throws Exception {
    Path mail = dir.resolve("trasig.eml");
    Files.write(mail, HostileMail.failOpenCases().get("truncated-pdf").get());

    CliRun text = CliRun.of("classify", "--policy", "region-varmland", mail.toString());
    assertThat(text.out()).contains("may not be sent as it is", "not read: attachment 1 (application/pdf): damaged");

    CliRun json = CliRun.of("classify", "--policy", "region-varmland", "--format", "json", mail.toString());
    JsonNode line = new ObjectMapper().readTree(json.out().strip());
    assertThat(line.get("mayBeSent").asBoolean()).isFalse();
    assertThat(line.get("unread").get(0).get("status").asText()).isEqualTo("DAMAGED");
    assertThat(line.get("notices").toString()).contains("CONTENT_NOT_READ");

    CliRun explain = CliRun.of("explain", "--policy", "region-varmland", mail.toString());
    assertThat(explain.out()).contains("NOT READ IN FULL (damaged)", "may be sent as it is: no", "BAS-09");

    Path ordinary = dir.resolve("vanlig.eml");
    Files.write(ordinary, HostileMail.ordinary(1));
    assertThat(CliRun.of("explain", "--policy", "region-varmland", ordinary.toString()).out())
        .contains("may be sent as it is: yes").doesNotContain("NOT READ IN FULL");
  }
}
