package se.epostpolicy.samples.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch with hostile mail in the middle answers every message, in a JVM of 256 MB: the
 * command line run as a user runs it, in a process of its own.
 */
class HostileBatchTest {

  @TempDir
  Path dir;

  @Test
  void everyMessageOfTheBatchIsAnswered() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("batch"));
    List<String> hostile = new ArrayList<>();
    int n = 0;
    for (; n < 25; n++) Files.write(folder.resolve(String.format("%02d.eml", n)), HostileMail.ordinary(n));
    Files.write(folder.resolve(String.format("%02d.eml", n++)), HostileMail.withPdfBomb());
    Files.write(folder.resolve(String.format("%02d.eml", n++)), HostileMail.manyReplyPrefixes(20_000));
    for (Map.Entry<String, Supplier<byte[]>> e : HostileMail.failOpenCases().entrySet()) {
      hostile.add(String.format("%02d.eml", n));
      Files.write(folder.resolve(String.format("%02d.eml", n++)), e.getValue().get());
    }
    for (; n < 50; n++) Files.write(folder.resolve(String.format("%02d.eml", n)), HostileMail.ordinary(n));
    Path mbox = dir.resolve("inkorg.mbox");
    HostileMail.mboxWithHugeLine(mbox, 3, 160L << 20, 3); // the old splitter held the line whole: over 256 MB

    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), "se.epostpolicy.samples.cli.PolicyCheck",
        "classify", "--policy", "region-varmland", "--format", "json", folder.toString(), mbox.toString())
        .redirectError(dir.resolve("stderr.txt").toFile()).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();

    List<JsonNode> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(dir.resolve("stdout.txt"))) lines.add(json.readTree(line));
    assertThat(lines).as(Files.readString(dir.resolve("stderr.txt"))).hasSize(50 + 7);
    assertThat(p.exitValue()).isEqualTo(1); // the mbox message over the size limit is a typed error

    assertThat(lines.get(25).get("source").asText()).endsWith("25.eml");
    assertThat(lines.get(25).get("mayBeSent").asBoolean()).isFalse();
    assertThat(lines.get(25).get("notices").toString()).contains("CONTENT_NOT_READ");
    assertThat(lines.get(26).get("error").isNull()).isTrue();
    for (JsonNode line : lines) {
      String source = Path.of(line.get("source").asText()).getFileName().toString();
      if (hostile.contains(source)) {
        assertThat(line.get("mayBeSent").asBoolean()).as(source).isFalse();
        assertThat(line.get("notices").toString()).as(source).contains("CONTENT_NOT_READ");
      }
    }
    List<JsonNode> errors = lines.stream().filter(l -> !l.get("error").isNull()).toList();
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.get("source").asText()).endsWith("inkorg.mbox#4");
      assertThat(e.get("error").asText()).contains("larger than the limit");
      assertThat(e.get("mayBeSent").asBoolean()).isFalse();
    });
  }
}
