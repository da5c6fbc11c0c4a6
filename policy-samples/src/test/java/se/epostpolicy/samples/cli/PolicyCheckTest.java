package se.epostpolicy.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCheckTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static List<JsonNode> lines(String out) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\n")) if (!line.isBlank()) nodes.add(json.readTree(line));
    return nodes;
  }

  @Test
  void classifiesEverySampleAsOneJsonLineWithTheDocumentedFields() throws Exception {
    CliRun r = run("classify", "--policy", "region-varmland", "--format", "json", "samples");
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> decisions = lines(r.out());
    assertThat(decisions).hasSizeGreaterThanOrEqualTo(15);
    for (JsonNode d : decisions) {
      assertThat(d.fieldNames()).toIterable()
          .contains("source", "pack", "direction", "verdicts", "notices", "hits", "markers", "error");
      assertThat(d.get("pack").asText()).isEqualTo("region-varmland@2019-01-01");
      assertThat(d.get("error").isNull()).isTrue();
    }
    assertThat(decisions).extracting(d -> d.get("source").asText()).contains("samples/inkorg-anna.mbox#2");
    JsonNode epikris = decisions.stream().filter(d -> d.get("source").asText().contains("02-utgaende-epikris")).findFirst().orElseThrow();
    assertThat(epikris.get("verdicts").toString()).isEqualTo("[\"FORBIDDEN_TO_SEND\"]");
    assertThat(epikris.get("hits").get(0).get("citation").asText()).contains("000_6f22731d08f2bb4b.txt");
    assertThat(epikris.get("markers").toString()).contains("19121212-****").doesNotContain("19121212-1212");
  }

  @Test
  void anUnreadableMessageIsReportedAndGivesExitOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("tom.eml"), "");
    CliRun r = run("classify", "--policy", "region-varmland", "--format", "json", "samples/01-inkommen-ansokan-om-bidrag.eml",
        dir.resolve("tom.eml").toString());
    assertThat(r.exit()).isEqualTo(1);
    List<JsonNode> decisions = lines(r.out());
    assertThat(decisions).hasSize(2);
    assertThat(decisions.get(1).get("error").asText()).contains("tom.eml").contains("no header fields");
  }

  @Test
  void aFolderOfFilesThatAreNoMailGivesOneTypedErrorLineEachAndExitOne(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("rapport.pdf"), ("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n").getBytes(StandardCharsets.ISO_8859_1));
    byte[] tnef = new byte[64];
    tnef[0] = 0x78; tnef[1] = (byte) 0x9f; tnef[2] = 0x3e; tnef[3] = 0x22; tnef[6] = 0x01; tnef[7] = 0x06; tnef[8] = (byte) 0x90;
    Files.write(dir.resolve("winmail.dat"), tnef);
    Files.writeString(dir.resolve("README.md"), "# Projekt\n\nStatus: klart\nDiagnos: F32.1\n\nBeskrivning av projektet.\n");
    byte[] random = new byte[4096];
    new java.util.Random(7).nextBytes(random);
    Files.write(dir.resolve("slump.bin"), random);
    CliRun r = run("classify", "--policy", "region-varmland", "--format", "json", dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    List<JsonNode> lines = lines(r.out());
    assertThat(lines).hasSize(4);
    for (JsonNode l : lines) {
      assertThat(l.get("error").asText()).as(l.toString()).contains("not an e-mail message").contains(dir.getFileName().toString());
      assertThat(l.get("verdicts")).isEmpty();
    }
    CliRun text = run("classify", "--policy", "region-varmland", dir.toString());
    assertThat(text.exit()).isEqualTo(1);
    assertThat(text.out() + text.err()).contains("README.md").contains("winmail.dat").contains("slump.bin").contains("rapport.pdf");
  }

  @Test
  void textFormatIsATableForPeople() {
    CliRun r = run("classify", "--policy", "region-varmland@2019-01-01", "samples/03-inkommen-provsvar-fran-patient.eml");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("verdicts: JOURNAL, DELETE").contains("VRM-02").contains("1 message(s) evaluated");
  }

  @Test
  void contextOptionsReachTheRules() {
    CliRun r = run("classify", "--policy", "region-varmland", "--sender-history", "FIRST_CONTACT",
        "samples/13-inkommen-fraga-om-arende.eml");
    assertThat(r.out()).contains("INFORM_SENDER_PRIVACY");
  }

  @Test
  void badUsageAndUnknownPacksExitTwo() {
    assertThat(run("classify", "samples").exit()).isEqualTo(2);
    assertThat(run("classify", "--policy", "region-varmland", "--format", "xml", "samples").exit()).isEqualTo(2);
    CliRun unknown = run("classify", "--policy", "no-such-pack", "samples");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("no rule pack no-such-pack").contains("region-varmland@2019-01-01");
  }

  @Test
  void packsCanComeFromAFolderOnDisk() {
    CliRun r = run("classify", "--policy", "region-varmland", "--rules", "../policy-rules/src/main/resources/packs",
        "samples/06-inkommen-nyhetsbrev.eml");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("BAS-02");
  }

  @Test
  void anOrganisationFileOverridesThePacksProfile(@TempDir Path dir) throws Exception {
    Path org = dir.resolve("org.yaml");
    Files.writeString(org, "internalDomains: [regionhalland.se]\nmassMailingThreshold: 5\n");
    String mail = "../policy-rules/src/test/resources/cases/region-halland/2025-11-18/bcc-internal-twelve-in-to.eml";
    CliRun plain = run("classify", "--policy", "region-varmland", "--format", "json", mail);
    assertThat(lines(plain.out()).get(0).get("direction").asText()).isEqualTo("INBOUND");
    CliRun own = run("classify", "--policy", "region-varmland", "--format", "json", "--org", org.toString(), mail);
    JsonNode d = lines(own.out()).get(0);
    assertThat(d.get("direction").asText()).isEqualTo("INTERNAL");
    assertThat(d.get("verdicts").toString()).isEqualTo("[\"FORBIDDEN_TO_SEND\"]");
    assertThat(d.get("hits").toString()).contains("VRM-06");

    Files.writeString(org, "bccLimit: 3\n");
    CliRun bad = run("classify", "--policy", "region-varmland", "--org", org.toString(), mail);
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("unknown profile setting 'bccLimit'");
  }

  @Test
  void atChoosesTheVersionInForceAndSaysWhenThereIsNone() throws Exception {
    CliRun byDate = run("classify", "--policy", "region-halland", "--format", "json", "--at", "message-date",
        "samples/01-inkommen-ansokan-om-bidrag.eml");
    assertThat(byDate.exit()).isEqualTo(1);
    assertThat(lines(byDate.out()).get(0).get("error").asText()).contains("no version was in force on 2024-03-12");
    CliRun fixed = run("classify", "--policy", "region-halland", "--format", "json", "--at", "2026-01-01",
        "samples/01-inkommen-ansokan-om-bidrag.eml");
    assertThat(fixed.exit()).isZero();
    assertThat(lines(fixed.out()).get(0).get("pack").asText()).isEqualTo("region-halland@2025-11-18");
    assertThat(run("classify", "--policy", "region-halland", "--at", "igår", "samples").exit()).isEqualTo(2);
  }

  @Test
  void everyBundledPackClassifiesTheSamples() throws Exception {
    for (String pack : List.of("region-varmland", "region-halland", "datainspektionen-aland", "region-vastmanland", "huddinge-kommun")) {
      CliRun r = run("classify", "--policy", pack, "--format", "json", "samples");
      assertThat(r.exit()).as(pack + ": " + r.err()).isZero();
      assertThat(lines(r.out())).as(pack).hasSizeGreaterThanOrEqualTo(15)
          .allSatisfy(d -> assertThat(d.get("pack").asText()).startsWith(pack + "@"));
    }
  }

  /** Judging side by side changes nothing of what is printed, nor its order. */
  @Test
  void threadsKeepTheOutputAndItsOrder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    // An mbox of the samples' mails as well, so one file holds many messages.
    StringBuilder mbox = new StringBuilder();
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("samples"))) {
      for (java.nio.file.Path f : files.sorted().toList()) {
        mbox.append("From sender@example.org Mon Jan  1 00:00:00 2024\n")
            .append(java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                .replaceAll("(?m)^From ", ">From ")).append("\n");
      }
    }
    java.nio.file.Path box = java.nio.file.Files.writeString(dir.resolve("inkorg.mbox"), mbox, java.nio.charset.StandardCharsets.ISO_8859_1);
    CliRun one = run("classify", "--pack", "region-varmland", "--format", "json", "--threads", "1", "samples", box.toString());
    CliRun three = run("classify", "--pack", "region-varmland", "--format", "json", "--threads", "3", "samples", box.toString());
    assertThat(lines(one.out())).hasSizeGreaterThan(20);
    assertThat(three.out()).isEqualTo(one.out());
    assertThat(three.exit()).isEqualTo(one.exit());
  }
}
