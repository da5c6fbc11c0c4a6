package se.epostpolicy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link ReaderLimits#maxOpenedAttachments()}: attachments past the bound are counted and listed
 * by name, declared type and size, their content is not opened, and the warning says so.
 */
class OpenedAttachmentsBoundTest {

  private static final MailReader TWO_OPENED = new MailReader(ReaderLimits.DEFAULTS.withMaxOpenedAttachments(2));

  private static Email read(String parts) {
    String raw = "From: a@extern.se\r\nTo: b@regionvarmland.se\r\nSubject: Bilagor\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\nSe bilagorna.\r\n"
        + parts + "--XX--\r\n";
    return TWO_OPENED.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)), "bilagor.eml");
  }

  private static String attachment(String name, String type, String content) {
    return "--XX\r\nContent-Type: " + type + "\r\nContent-Disposition: attachment; filename=\"" + name + "\"\r\n\r\n" + content + "\r\n";
  }

  @Test
  void attachmentsPastTheBoundAreListedWithNameAndSizeButNotOpened() {
    Email e = read(attachment("a.txt", "text/plain", "Patienten har astma")
        + attachment("b.txt", "text/plain", "Patienten har astma")
        + attachment("c.txt", "text/plain", "Patienten har astma")
        + attachment("faktura.pdf.exe", "application/pdf", "MZ program"));
    assertThat(e.attachments()).extracting(EmailAttachment::name).containsExactly("a.txt", "b.txt", "c.txt", "faktura.pdf.exe");
    assertThat(e.attachments()).extracting(EmailAttachment::size).containsExactly(19L, 19L, 19L, 10L);
    assertThat(e.attachments().subList(0, 2)).allSatisfy(a -> assertThat(a.text()).isEqualTo("Patienten har astma"));
    assertThat(e.attachments().subList(2, 4)).allSatisfy(a -> {
      assertThat(a.text()).isEmpty();
      assertThat(a.detectedType()).isEqualTo("application/octet-stream");
    });
    assertThat(e.attachments().get(3).declaredType()).isEqualTo("application/pdf");
    assertThat(e.warnings()).containsOnlyOnce(
        "attachments after the first 2 were counted and named but not opened: their content was not read");
  }

  @Test
  void attachedMessagesShareTheBoundWithTheMessageAroundThem() {
    Email e = read("--XX\r\nContent-Type: message/rfc822\r\n\r\nFrom: c@d.se\r\nSubject: Inre\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=YY\r\n\r\n--YY\r\nContent-Type: text/plain\r\n\r\nInre text\r\n"
        + "--YY\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"inre.txt\"\r\n\r\nett\r\n--YY--\r\n"
        + attachment("a.txt", "text/plain", "två"));
    assertThat(e.attachments()).extracting(EmailAttachment::name).containsExactly("", "inre.txt", "a.txt");
    assertThat(e.attachments()).extracting(EmailAttachment::text).containsExactly("Inre\nInre text\n\n", "ett", "");
    assertThat(e.warnings()).anyMatch(w -> w.startsWith("attachments after the first 2"));
  }

  @Test
  void withinTheBoundNothingIsSaid() {
    Email e = read(attachment("a.txt", "text/plain", "ett") + attachment("b.txt", "text/plain", "två"));
    assertThat(e.attachments()).extracting(EmailAttachment::text).containsExactly("ett", "två");
    assertThat(e.warnings()).isEmpty();
  }
}
