package se.epostpolicy.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mail that attacks the terminal: escape sequences that clear the screen and set the window
 * title, a right-to-left override, a C1 control, DEL, a line separator and CR/LF that would forge
 * a line, in its subject, sender's name, attachment name, body and file name. Text output and
 * explain show them escaped; JSON holds them escaped and stays valid.
 */
class TerminalOutputTest {

  private static final String CLEAR_SCREEN = "\u001b[2J";
  private static final String WINDOW_TITLE = "\u001b]0;owned\u0007";
  private static final String RIGHT_TO_LEFT = "\u202e";
  private static final String CSI = "\u009b";
  private static final String FORGED_LINE = "\r\nverdicts: DELETE";
  private static final String ATTACK = CLEAR_SCREEN + WINDOW_TITLE + RIGHT_TO_LEFT + CSI + "\u007f\u2028" + FORGED_LINE;
  private static final String ATTACHMENT = "Remiss" + ATTACK + ".txt";

  private static Path mail;

  @BeforeAll
  static void writeTheMail(@TempDir Path dir) throws Exception {
    String body = "Patienten 19121212-1212 har fått en remiss." + ATTACK + "\nDetta " + RIGHT_TO_LEFT + " omfattas av sekretess.\n";
    mail = dir.resolve("inkommen" + CLEAR_SCREEN + RIGHT_TO_LEFT + ".eml");
    Files.writeString(mail, String.join("\r\n",
        "From: " + encoded("Eva" + ATTACK) + " <eva@gmail.com>",
        "To: registrator@regionhalland.se",
        "Subject: " + encoded("Remiss" + ATTACK),
        "Date: Fri, 22 Mar 2024 13:05:00 +0100",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"B\"",
        "",
        "--B",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: base64",
        "",
        Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)),
        "--B",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Disposition: attachment; filename*=utf-8''" + URLEncoder.encode(ATTACHMENT, StandardCharsets.UTF_8).replace("+", "%20"),
        "Content-Transfer-Encoding: base64",
        "",
        Base64.getMimeEncoder().encodeToString("Remiss för patienten 19121212-1212, diagnos E11.9.".getBytes(StandardCharsets.UTF_8)),
        "--B--",
        ""), StandardCharsets.UTF_8);
  }

  private static String encoded(String header) {
    return "=?utf-8?b?" + Base64.getEncoder().encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "?=";
  }

  /** The code points of {@code out} a terminal would act on; the output's own line breaks aside. */
  private static List<String> rawControls(String out) {
    List<String> found = new ArrayList<>();
    out.codePoints().filter(c -> c != '\n' && Terminal.unsafe(c)).forEach(c -> found.add(String.format("U+%04X", c)));
    return found;
  }

  @Test
  void textOutputShowsEveryControlEscaped() {
    CliRun r = CliRun.of("classify", "--policy", "region-halland", mail.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(rawControls(r.out() + r.err())).isEmpty();
    assertThat(r.out()).contains("inkommen\\u001b[2J\\u202e.eml", "attachment Remiss\\u001b[2J\\u001b]0;owned\\u0007\\u202e\\u009b\\u007f\\u2028\\r\\nverdicts: DELETE.txt");
    assertThat(r.out().lines()).noneMatch(l -> l.startsWith("verdicts: DELETE"));
  }

  @Test
  void explainShowsEveryControlEscaped() {
    CliRun r = CliRun.of("explain", "--policy", "region-halland", mail.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(rawControls(r.out() + r.err())).isEmpty();
    assertThat(r.out()).contains("inkommen\\u001b[2J\\u202e.eml",
        "attachment       Remiss\\u001b[2J\\u001b]0;owned\\u0007\\u202e\\u009b\\u007f\\u2028\\r\\nverdicts: DELETE.txt:",
        "\"Detta \\u202e omfattas av sekretess\"");
    assertThat(r.out().lines()).noneMatch(l -> l.startsWith("verdicts: DELETE"));
  }

  @Test
  void jsonStaysValidAndHoldsEveryControlEscaped() throws Exception {
    CliRun r = CliRun.of("classify", "--policy", "region-halland", "--format", "json", mail.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(rawControls(r.out())).isEmpty();
    assertThat(r.out().lines().toList()).hasSize(1);
    assertThat(r.out()).containsIgnoringCase("\\u001b[2J").contains("\\u202e", "\\u009b", "\\u2028", "\\r\\n").containsIgnoringCase("\\u007f");
    JsonNode decision = new ObjectMapper().readTree(r.out());
    assertThat(decision.get("source").asText()).isEqualTo(mail.toString());
    assertThat(decision.get("markers").findValuesAsText("attachment")).contains(ATTACHMENT);
  }
}
