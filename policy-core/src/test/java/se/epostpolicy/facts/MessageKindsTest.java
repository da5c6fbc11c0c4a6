package se.epostpolicy.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.epostpolicy.detect.Detectors;
import se.epostpolicy.facts.internal.FactExtractor;
import se.epostpolicy.detect.Vocabulary;
import se.epostpolicy.mail.MailReader;

/** The kinds of message the catalogue names, read from headers, addresses and text. */
class MessageKindsTest {

  private static final OrganisationProfile PROFILE = OrganisationProfile.builder()
      .internalDomains(Set.of("regionvarmland.se")).privateProviders(Set.of("gmail.com"))
      .massMailingThreshold(50).bccThreshold(10).build();
  private final FactExtractor extractor = new FactExtractor(PROFILE, new Detectors(Vocabulary.empty(), List.of()), Clock.systemUTC());

  private Message facts(String raw) {
    return extractor.extract(new MailReader().read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)), "t.eml")).message();
  }

  @Test
  void automaticForwardsAreSentByTheForwardingMailboxNotTheOriginalSender() {
    Message m = facts("From: kund@extern.se\nTo: anna@regionvarmland.se\nResent-From: anna@regionvarmland.se\n"
        + "Resent-To: anna.privat@gmail.com\nSubject: FW: Fråga\n\nHej\n");
    assertThat(m.autoForward()).isTrue();
    assertThat(m.forward()).as("reading 14: not a manual forward").isFalse();
    assertThat(m.sender().address()).isEqualTo("anna@regionvarmland.se");
    assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(m.privateProviderRecipientCount()).isEqualTo(1);
    assertThat(facts("From: anna@regionvarmland.se\nTo: x@extern.se\nAuto-Submitted: auto-forwarded\nSubject: x\n\nx\n").autoForward()).isTrue();
    assertThat(facts("From: anna@regionvarmland.se\nTo: x@extern.se\nX-MS-Exchange-Inbox-Rules-Loop: anna@regionvarmland.se\nSubject: x\n\nx\n").autoForward()).isTrue();
  }

  @Test
  void manualRepliesAndForwardsComeFromSubjectPrefixes() {
    assertThat(facts("From: a@regionvarmland.se\nTo: b@extern.se\nSubject: SV: Möte\n\nx\n").reply()).isTrue();
    assertThat(facts("From: a@regionvarmland.se\nTo: b@extern.se\nSubject: VB: Möte\n\nx\n").forward()).isTrue();
    assertThat(facts("From: a@regionvarmland.se\nTo: b@extern.se\nSubject: SV: VB: Möte\n\nx\n").forward()).isTrue();
    assertThat(facts("From: a@regionvarmland.se\nTo: b@extern.se\nSubject: VS: Möte\n\nx\n").forward()).isTrue();
    assertThat(facts("From: a@regionvarmland.se\nTo: b@extern.se\nSubject: VS: Möte\n\nx\n").reply()).isFalse();
    assertThat(facts("From: a@regionvarmland.se\nTo: b@extern.se\nSubject: Svar om vägen\n\nx\n").reply()).isFalse();
  }

  @Test
  void outOfOfficeRepliesSayWhetherTheyGiveAReturnDateAndAContact() {
    Message full = facts("From: anna@regionvarmland.se\nTo: kund@extern.se\nAuto-Submitted: auto-replied\nSubject: Automatiskt svar: Fråga\n\n"
        + "Jag är på semester och åter måndag 5 augusti. Vid brådskande ärenden, kontakta per.ek@regionvarmland.se.\n");
    assertThat(full.autoReply()).isTrue();
    assertThat(full.returnDateGiven()).isTrue();
    assertThat(full.alternativeContactGiven()).isTrue();
    Message bare = facts("From: anna@regionvarmland.se\nTo: kund@extern.se\nSubject: Autosvar: Fråga\n\nJag är inte på kontoret.\n");
    assertThat(bare.autoReply()).isTrue();
    assertThat(bare.returnDateGiven()).isFalse();
    assertThat(bare.alternativeContactGiven()).isFalse();
    assertThat(facts("From: anna@regionvarmland.se\nTo: k@extern.se\nSubject: Out of Office\n\nBack on 12/8. Please contact the switchboard.\n").returnDateGiven()).isTrue();
  }

  @Test
  void bulkDeliveryAndReadReportsAreTold() {
    assertThat(facts("From: n@skr.se\nTo: a@regionvarmland.se\nList-Id: <nyheter.skr.se>\nSubject: Nyheter\n\nx\n").bulk()).isTrue();
    assertThat(facts("From: n@skr.se\nTo: a@regionvarmland.se\nPrecedence: bulk\nSubject: Nyheter\n\nx\n").bulk()).isTrue();
    Message dsn = facts("From: MAILER-DAEMON@mx.extern.se\nTo: a@regionvarmland.se\nSubject: Undelivered Mail Returned to Sender\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\nContent-Type: text/plain\n\nFailed\n--b--\n");
    assertThat(dsn.deliveryReport()).isTrue();
    assertThat(dsn.readReport()).isFalse();
    Message mdn = facts("From: k@extern.se\nTo: a@regionvarmland.se\nSubject: Läst: Möte\n"
        + "Content-Type: multipart/report; report-type=disposition-notification; boundary=b\n\n--b\nContent-Type: text/plain\n\nLäst\n--b--\n");
    assertThat(mdn.readReport()).isTrue();
    assertThat(mdn.deliveryReport()).isFalse();
  }

  @Test
  void scanToMailIsToldBySenderMailerOrFileName() {
    assertThat(facts("From: scanner@regionvarmland.se\nTo: a@regionvarmland.se\nSubject: Skannat dokument\n\nx\n").scanToMail()).isTrue();
    assertThat(facts("From: mfp@regionvarmland.se\nTo: a@regionvarmland.se\nX-Mailer: RICOH MP C3004\nSubject: x\n\nx\n").scanToMail()).isTrue();
    assertThat(facts("From: anna@regionvarmland.se\nTo: b@regionvarmland.se\nSubject: x\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nx\n--b\nContent-Type: application/pdf\n"
        + "Content-Disposition: attachment; filename=Skanning_0042.pdf\n\n%PDF-1.4\n--b--\n").scanToMail()).isTrue();
    assertThat(facts("From: anna@regionvarmland.se\nTo: b@regionvarmland.se\nSubject: Skanna gärna\n\nKan du skanna in det här?\n").scanToMail()).isFalse();
  }

  @Test
  void suspiciousSendersAndLinksAreTold() {
    assertThat(facts("From: \"anna@regionvarmland.se\" <anna@regionvarmland-se.net>\nTo: b@regionvarmland.se\nSubject: x\n\nx\n").displayNameSpoofing()).isTrue();
    assertThat(facts("From: \"Anna Lind\" <anna@extern.se>\nTo: b@regionvarmland.se\nSubject: x\n\nx\n").displayNameSpoofing()).isFalse();
    assertThat(facts("From: a@extern.se\nTo: b@regionvarmland.se\nAuthentication-Results: mx; spf=pass; dkim=fail; dmarc=fail\nSubject: x\n\nx\n").authenticationFailed()).isTrue();
    assertThat(facts("From: a@extern.se\nTo: b@regionvarmland.se\nAuthentication-Results: mx; spf=pass; dkim=pass; dmarc=pass\nSubject: x\n\nx\n").authenticationFailed()).isFalse();
    String html = "From: a@extern.se\nTo: b@regionvarmland.se\nSubject: x\nContent-Type: text/html; charset=utf-8\n\n";
    assertThat(facts(html + "<a href=\"https://evil.example/x\">https://www.1177.se</a>\n").deceptiveLink()).isTrue();
    assertThat(facts(html + "<a href=\"https://www.1177.se/sv/varmland\">www.1177.se</a>\n").deceptiveLink()).isFalse();
    assertThat(facts(html + "<a href=\"https://evil.example/x\">Klicka här</a>\n").deceptiveLink()).as("no address shown").isFalse();
  }

  @Test
  void executablesMacrosDoubleExtensionsAndHiddenProgramsAreRisky() {
    String head = "From: a@extern.se\nTo: b@regionvarmland.se\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
        + "--b\nContent-Type: text/plain\n\nx\n";
    String mz = "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA4fug4AtAnNIbgBTM0hVGhpcyBwcm9ncmFt";
    for (String name : List.of("verktyg.exe", "makro.docm", "faktura.pdf.exe", "skript.js")) {
      Message m = facts(head + "--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=" + name
          + "\n\nx\n--b--\n");
      assertThat(m.riskyAttachment()).as(name).isTrue();
    }
    Message hidden = facts(head + "--b\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
        + "Content-Disposition: attachment; filename=faktura.pdf\n\n" + mz + "\n--b--\n");
    assertThat(hidden.riskyAttachment()).as("a program named .pdf").isTrue();
    Message pdf = facts(head + "--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=faktura.pdf\n\n%PDF-1.4\n%%EOF\n--b--\n");
    assertThat(pdf.riskyAttachment()).isFalse();
  }
}
