package se.epostpolicy.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.epostpolicy.MailReadException;
import se.epostpolicy.facts.Encryption;

class MailReaderTest {

  private final MailReader reader = new MailReader();

  private static Email read(MailReader r, String raw) {
    return r.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)), "test.eml");
  }

  private Email read(String raw) {
    return read(reader, raw);
  }

  @Test
  void decodesEncodedWordsInHeadersAndAddresses() {
    Email e = read("From: =?UTF-8?Q?S=C3=B6ren_=C3=85berg?= <soren@example.se>\r\nTo: a@regionvarmland.se\r\n"
        + "Subject: =?UTF-8?Q?Fr=C3=A5ga_om_v=C3=A5rd?=\r\n\r\nHej\r\n");
    assertThat(e.subject()).isEqualTo("Fråga om vård");
    assertThat(e.from().displayName()).isEqualTo("Sören Åberg");
    assertThat(e.to()).extracting(a -> a.address()).containsExactly("a@regionvarmland.se");
  }

  @Test
  void decodesRfc2231AndRfc2047FileNamesAndBodies() {
    Email e = read("From: a@b.se\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
        + "--XX\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + "Bes=F6k p=E5 m=E5ndag\r\n"
        + "--XX\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Disposition: attachment; filename*=UTF-8''Utl%C3%A5tande.txt\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n" + java.util.Base64.getEncoder().encodeToString("Läkarutlåtande".getBytes(StandardCharsets.UTF_8)) + "\r\n"
        + "--XX\r\nContent-Type: application/octet-stream; name=\"=?ISO-8859-1?Q?R=E4kning.bin?=\"\r\nContent-Disposition: attachment\r\n\r\nxyz\r\n"
        + "--XX--\r\n");
    assertThat(e.plainText()).contains("Besök på måndag");
    assertThat(e.attachments()).extracting(EmailAttachment::name).containsExactly("Utlåtande.txt", "Räkning.bin");
    assertThat(e.attachments().get(0).text()).isEqualTo("Läkarutlåtande");
  }

  @Test
  void unknownCharsetFallsBackAndSaysSo() {
    Email e = read("From: a@b.se\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\nHej p\u00e5 dig\r\n");
    assertThat(e.plainText()).contains("Hej på dig");
    assertThat(e.warnings()).anyMatch(w -> w.contains("unknown charset"));
  }

  @Test
  void htmlBodiesBecomeTextAndBackgroundImagesAreSeen() {
    Email e = read("From: a@b.se\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        + "<html><body style=\"background-image:url(x.png)\"><p>Hej&nbsp;<b>Anna</b></p><script>var x;</script></body></html>\r\n");
    assertThat(e.htmlText()).contains("Hej").contains("Anna");
    assertThat(e.backgroundImage()).isTrue();
  }

  @Test
  void attachedMessagesAreWalked() {
    Email e = read("From: a@b.se\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
        + "--XX\r\nContent-Type: text/plain\r\n\r\nSe bifogat\r\n"
        + "--XX\r\nContent-Type: message/rfc822\r\n\r\nFrom: c@d.se\r\nSubject: Inre\r\n\r\nInre text om diagnosen\r\n"
        + "--XX--\r\n");
    assertThat(e.attachments()).singleElement().satisfies(a -> {
      assertThat(a.attachedMessage()).isTrue();
      assertThat(a.text()).contains("Inre").contains("diagnosen");
    });
  }

  @Test
  void deepNestingIsCutAtTheLimitWithAWarning() {
    int depth = 40;
    StringBuilder sb = new StringBuilder("From: a@b.se\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B0\r\n\r\n");
    for (int i = 0; i < depth; i++) sb.append("--B").append(i).append("\r\nContent-Type: multipart/mixed; boundary=B").append(i + 1).append("\r\n\r\n");
    sb.append("--B").append(depth).append("\r\nContent-Type: text/plain\r\n\r\ndjupt\r\n--B").append(depth).append("--\r\n");
    for (int i = depth - 1; i >= 0; i--) sb.append("--B").append(i).append("--\r\n");
    Email e = read(new MailReader(ReaderLimits.DEFAULTS.withMaxMimeDepth(10)), sb.toString());
    assertThat(e.warnings()).anyMatch(w -> w.contains("deeper than 10"));
    assertThat(e.plainText()).doesNotContain("djupt");
  }

  @Test
  void tooLargeAndEmptyMessagesAreTypedErrorsNamingTheSource() {
    MailReader small = new MailReader(ReaderLimits.DEFAULTS.withMaxMessageBytes(50));
    assertThatThrownBy(() -> read(small, "From: a@b.se\r\nSubject: " + "x".repeat(100) + "\r\n\r\nbody\r\n"))
        .isInstanceOf(MailReadException.class).hasMessageStartingWith("test.eml: message is larger than");
    assertThatThrownBy(() -> read("")).isInstanceOf(MailReadException.class).hasMessageContaining("no header fields");
  }

  @Test
  void smimeAndPgpEncryptionAreRecognised() {
    assertThat(read("From: a@b.se\r\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n\r\nMIAG\r\n").encryption())
        .isEqualTo(Encryption.SMIME_ENCRYPTED);
    assertThat(read("From: a@b.se\r\nContent-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=X\r\n\r\n--X\r\n\r\nVersion: 1\r\n--X--\r\n").encryption())
        .isEqualTo(Encryption.PGP_ENCRYPTED);
  }

  @Test
  void mboxMessagesAreSplitAndNamedByPosition(@TempDir Path dir) throws Exception {
    Path mbox = dir.resolve("inkorg.mbox");
    Files.writeString(mbox, "From a@b.se Mon Jan  1 00:00:00 2024\nFrom: a@b.se\nSubject: ett\n\nFörsta\n>From Stockholm\n\n"
        + "From c@d.se Mon Jan  1 00:00:00 2024\nFrom: c@d.se\nSubject: två\n\nAndra\n\n"
        + "From e@f.se Mon Jan  1 00:00:00 2024\nFrom: e@f.se\nSubject: tre\n\nTredje\n", StandardCharsets.UTF_8);
    List<ReadOutcome> out = new ArrayList<>();
    reader.read(mbox, "inkorg.mbox", out::add);
    assertThat(out).extracting(ReadOutcome::source).containsExactly("inkorg.mbox#1", "inkorg.mbox#2", "inkorg.mbox#3");
    assertThat(((ReadOutcome.Parsed) out.get(0)).email().plainText()).contains("From Stockholm").doesNotContain(">From");
  }

  @Test
  void maildirFoldersAndMissingPathsAreRead(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("cur"));
    Files.createDirectories(dir.resolve("new"));
    Files.createDirectories(dir.resolve("tmp"));
    Files.writeString(dir.resolve("cur/1.mail"), "From: a@b.se\nSubject: ett\n\nx\n");
    Files.writeString(dir.resolve("new/2.mail"), "From: a@b.se\nSubject: två\n\ny\n");
    Files.writeString(dir.resolve("tmp/3.mail"), "From: a@b.se\nSubject: halvskriven\n\nz\n");
    List<ReadOutcome> out = new ArrayList<>();
    reader.read(dir, "box", out::add);
    reader.read(dir.resolve("no-such.eml"), "no-such.eml", out::add);
    assertThat(out).hasSize(3);
    assertThat(out.subList(0, 2)).allMatch(o -> o instanceof ReadOutcome.Parsed);
    assertThat(out.get(2)).isInstanceOf(ReadOutcome.Unreadable.class).extracting(ReadOutcome::source).isEqualTo("no-such.eml");
  }

  @Test
  void toStringShowsNoContent() {
    Email e = read("From: a@b.se\r\nSubject: Hemligt 19121212-1212\r\n\r\nDiagnosen\r\n");
    assertThat(e.toString()).doesNotContain("Hemligt").doesNotContain("1212-1212").doesNotContain("Diagnosen");
  }

  @Test
  void readsAMimeMessageTheCallerAlreadyHas() throws Exception {
    jakarta.mail.internet.MimeMessage m = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
    m.setFrom("anna@regionvarmland.se");
    m.setRecipients(jakarta.mail.Message.RecipientType.TO, "per@regionvarmland.se");
    m.setSubject("Möte", "UTF-8");
    m.setText("Hej Per", "UTF-8");
    m.saveChanges();
    Email e = reader.read(m, "gateway#42");
    assertThat(e.source()).isEqualTo("gateway#42");
    assertThat(e.subject()).isEqualTo("Möte");
    assertThat(e.plainText()).contains("Hej Per");
  }
}
