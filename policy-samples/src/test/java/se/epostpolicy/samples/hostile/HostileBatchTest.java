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

  private final List<String> hostile = new ArrayList<>();

  private Path batch() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("batch"));
    int n = 0;
    for (; n < 25; n++) Files.write(folder.resolve(String.format("%02d.eml", n)), HostileMail.ordinary(n));
    Files.write(folder.resolve(String.format("%02d.eml", n++)), HostileMail.withPdfBomb());
    Files.write(folder.resolve(String.format("%02d.eml", n++)), HostileMail.manyReplyPrefixes(20_000));
    for (Map.Entry<String, Supplier<byte[]>> e : HostileMail.failOpenCases().entrySet()) {
      hostile.add(String.format("%02d.eml", n));
      Files.write(folder.resolve(String.format("%02d.eml", n++)), e.getValue().get());
    }
    for (; n < 50; n++) Files.write(folder.resolve(String.format("%02d.eml", n)), HostileMail.ordinary(n));
    return folder;
  }

  private List<JsonNode> classify(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("classify", "--policy", "region-varmland", "--format", "json"));
    command.addAll(List.of(args));
    policyCheck(command);
    List<JsonNode> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(dir.resolve("stdout.txt"))) lines.add(json.readTree(line));
    return lines;
  }

  private int exit;

  /** Runs the command line as a user does, in a JVM of its own with 256 MB. */
  private void policyCheck(List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), "se.epostpolicy.samples.cli.PolicyCheck"));
    command.addAll(args);
    Process p = new ProcessBuilder(command)
        .redirectError(dir.resolve("stderr.txt").toFile()).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
    exit = p.exitValue();
  }

  /** {@code test} runs every case of a suite with hostile mails among them, and BAS-09 fires exactly on those. */
  @Test
  void theTestCommandRunsEveryCaseAroundHostileOnes() throws Exception {
    Path folder = batch();
    StringBuilder suite = new StringBuilder("policy: region-varmland\ncases:\n");
    List<String> names;
    try (var files = Files.list(folder)) {
      names = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    for (String name : names) {
      suite.append("  - mail: ").append(name).append('\n')
          .append(hostile.contains(name) || name.equals("25.eml") ? "    fires: [BAS-09]\n" : "    notFires: [BAS-09]\n");
    }
    Files.writeString(folder.resolve("suite.yaml"), suite);
    Path junit = dir.resolve("junit.xml");
    policyCheck(List.of("test", "--junit", junit.toString(), folder.resolve("suite.yaml").toString()));
    String out = Files.readString(dir.resolve("stdout.txt"));
    assertThat(out).as(Files.readString(dir.resolve("stderr.txt"))).contains("50 case(s): 50 passed, 0 failed");
    assertThat(exit).isZero();
    assertThat(Files.readString(junit).split("<testcase ", -1)).hasSize(51);
  }

  @Test
  void everyMessageOfTheBatchIsAnswered() throws Exception {
    Path folder = batch();
    Path mbox = dir.resolve("inkorg.mbox");
    HostileMail.mboxWithHugeLine(mbox, 3, 160L << 20, 3); // the old splitter held the line whole: over 256 MB

    List<JsonNode> lines = classify(folder.toString(), mbox.toString());
    assertThat(lines).as(Files.readString(dir.resolve("stderr.txt"))).hasSize(50 + 7);
    assertThat(exit).isEqualTo(1); // the mbox message over the size limit is a typed error

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

  /**
   * With documents parsed in forked processes of their own small heap, the batch is answered the
   * same way, message for message: isolation changes where a parse runs, not what it decides.
   */
  @Test
  void forkedParsingDecidesTheBatchAsInProcessParsingDoes() throws Exception {
    Path folder = batch();
    List<JsonNode> here = classify(folder.toString());
    List<JsonNode> forked = classify("--isolate-parsing", "--parse-heap", "128", "--parse-timeout", "60", folder.toString());
    assertThat(forked).as(Files.readString(dir.resolve("stderr.txt"))).hasSize(50);
    assertThat(exit).isZero();
    for (int i = 0; i < 50; i++) {
      JsonNode a = here.get(i);
      JsonNode b = forked.get(i);
      String source = Path.of(a.get("source").asText()).getFileName().toString();
      assertThat(b.get("source").asText()).isEqualTo(a.get("source").asText());
      assertThat(b.get("verdicts")).as(source).isEqualTo(a.get("verdicts"));
      assertThat(b.get("notices")).as(source).isEqualTo(a.get("notices"));
      assertThat(b.get("mayBeSent")).as(source).isEqualTo(a.get("mayBeSent"));
      if (hostile.contains(source)) assertThat(b.get("notices").toString()).as(source).contains("CONTENT_NOT_READ");
    }
    assertThat(hostile).isNotEmpty();
  }
}
