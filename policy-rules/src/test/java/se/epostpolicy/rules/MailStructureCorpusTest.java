package se.epostpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.epostpolicy.detect.TextZones;
import se.epostpolicy.facts.Zone;
import se.epostpolicy.mail.Email;
import se.epostpolicy.mail.MailReader;
import se.epostpolicy.mail.ReadOutcome;

/**
 * The mail-structure splitter on real replies and forwards from the shared corpus: every
 * {@code >} line is history, the known replies split where a person would split them. Skipped,
 * visibly, where the corpus is absent.
 */
class MailStructureCorpusTest {

  private static final Path CORPUS = Path.of(System.getProperty("epostpolicy.corpus", "../../shared/corpus"));
  private static final MailReader READER = new MailReader();

  @BeforeAll
  static void corpusPresent() {
    if (!Files.isDirectory(CORPUS)) System.out.println("SKIPPED mail-structure corpus test: no corpus at " + CORPUS.toAbsolutePath());
    Assumptions.assumeTrue(Files.isDirectory(CORPUS), "real-mail corpus not found at " + CORPUS.toAbsolutePath() + "; skipped");
  }

  private static Zone zoneOf(String text, String needle) {
    int at = text.indexOf(needle);
    assertThat(at).as("text holds %s", needle).isGreaterThanOrEqualTo(0);
    return TextZones.zoneAt(TextZones.split(text, false), at);
  }

  private static Email read(String path) {
    return READER.readFile(CORPUS.resolve(path));
  }

  @Test
  void gmailReplyIsSplitInPlainTextAndHtml() {
    Email e = read("james-project/mpt/impl/imap-mailbox/core/src/main/resources/org/apache/james/imap/samples/wild-alt-reply.mail");
    assertThat(zoneOf(e.plainText(), "Ah yes!")).isEqualTo(Zone.OWN_TEXT);
    assertThat(zoneOf(e.plainText(), "wrote:")).isEqualTo(Zone.QUOTED);
    assertThat(zoneOf(e.plainText(), "O! lest the world")).isEqualTo(Zone.QUOTED);
    assertThat(zoneOf(e.htmlText(), "Ah yes!")).isEqualTo(Zone.OWN_TEXT);
    assertThat(zoneOf(e.htmlText(), "O! lest the world")).isEqualTo(Zone.QUOTED);
  }

  @Test
  void dashDashSignatureIsFound() {
    Email e = read("spamassassin/t/data/nice/007");
    assertThat(zoneOf(e.plainText(), "Duncan Findlay")).isEqualTo(Zone.SIGNATURE);
    assertThat(zoneOf(e.plainText(), "very boring test message")).isEqualTo(Zone.OWN_TEXT);
  }

  @Test
  void aWinmailDatAttachmentIsOpened() {
    // Reading 32: TNEF is a container like ZIP: its body and the names of the files inside are content.
    Email e = read("mimekit/tnef/rich-text.eml");
    var tnef = e.attachments().stream().filter(a -> a.name().equals("winmail.dat")).findFirst().orElseThrow();
    assertThat(tnef.detectedType()).isEqualTo("application/vnd.ms-tnef");
    assertThat(tnef.text()).contains("Christmas to remember");
    assertThat(tnef.entries()).contains("kitten-playing-with-a-christmas-tree.jpg");
  }

  @Test
  void everyQuotedLineOfTheCorpusIsHistory() throws Exception {
    List<Path> files;
    try (var s = Files.walk(CORPUS)) {
      files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().matches("(?i)(README\\.md|LICENSE|NOTICE)"))
          .sorted().toList();
    }
    Map<Zone, Integer> messagesWith = new EnumMap<>(Zone.class);
    List<String> wrong = new ArrayList<>();
    int[] quotedLines = new int[1];
    for (Path f : files) {
      READER.read(f, CORPUS.relativize(f).toString(), outcome -> {
        if (!(outcome instanceof ReadOutcome.Parsed p)) return;
        for (String text : List.of(p.email().plainText(), p.email().htmlText())) {
          List<TextZones.Span> spans = TextZones.split(text, false);
          spans.stream().map(TextZones.Span::zone).distinct().forEach(z -> messagesWith.merge(z, 1, Integer::sum));
          int offset = 0;
          for (String line : text.split("\n", -1)) {
            if (line.startsWith(">")) {
              quotedLines[0]++;
              Zone z = TextZones.zoneAt(spans, offset);
              if (z != Zone.QUOTED && z != Zone.FORWARDED && z != Zone.DISCLAIMER) wrong.add(p.email().source() + ": a > line in " + z);
            }
            offset += line.length() + 1;
          }
        }
      });
    }
    System.out.printf("corpus structure: %d quoted lines; texts with each zone %s%n", quotedLines[0], messagesWith);
    assertThat(quotedLines[0]).as("quoted lines seen").isGreaterThan(100);
    assertThat(wrong).isEmpty();
    assertThat(messagesWith.getOrDefault(Zone.QUOTED, 0)).isGreaterThanOrEqualTo(10);
    assertThat(messagesWith.getOrDefault(Zone.SIGNATURE, 0)).isGreaterThanOrEqualTo(5);
  }
}
