package se.epostpolicy.samples.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import se.epostpolicy.engine.Decision;
import se.epostpolicy.engine.Notice;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.engine.Verdict;
import se.epostpolicy.facts.ReadStatus;
import se.epostpolicy.mail.MailReader;

/**
 * Issue 9's fail-open cases: an outgoing mail whose patient data sits where the reader cannot read
 * it in full comes out as content not read, to be reviewed, and not to be sent (catalogue BAS-09).
 */
class HostileInputTest {

  private static final PolicyEngine ENGINE = PolicyEngine.load("region-varmland");
  private final MailReader reader = new MailReader();

  private Decision decide(byte[] mail, String name) {
    return ENGINE.evaluate(reader.read(new ByteArrayInputStream(mail), name));
  }

  @TestFactory
  Stream<DynamicTest> contentThatCannotBeReadFailsClosed() {
    assertThat(HostileMail.failOpenCases()).hasSizeGreaterThanOrEqualTo(8);
    return HostileMail.failOpenCases().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      Decision d = decide(e.getValue().get(), e.getKey());
      assertThat(d.notices()).as(e.getKey()).contains(Notice.CONTENT_NOT_READ, Notice.REVIEW);
      assertThat(d.mayBeSent()).as(e.getKey()).isFalse();
      assertThat(d.unread()).as(e.getKey()).isNotEmpty().allSatisfy(l -> assertThat(l.status()).isNotEqualTo(ReadStatus.READ));
      assertThat(d.facts().attachments()).as(e.getKey()).anyMatch(a -> a.unread());
      assertThat(d.firedRules()).contains("BAS-09");
    }));
  }

  @Test
  void theSameSecretReadInFullIsForbiddenAndNotUnread() {
    // The control: the generator's secret is patient data the rules forbid to send.
    Decision d = decide(HostileMail.withAttachment("remiss.pdf", "application/pdf", HostileMail.pdf(HostileMail.SECRET)), "pdf");
    assertThat(d.verdicts()).containsExactly(Verdict.FORBIDDEN_TO_SEND);
    assertThat(d.notices()).doesNotContain(Notice.CONTENT_NOT_READ);
    assertThat(d.unread()).isEmpty();
    assertThat(d.mayBeSent()).isFalse();
  }

  @Test
  void anOrdinaryMailMayBeSent() {
    Decision d = decide(HostileMail.ordinary(1), "ordinary");
    assertThat(d.notices()).doesNotContain(Notice.CONTENT_NOT_READ);
    assertThat(d.mayBeSent()).isTrue();
  }

  @Test
  void unreadContentOfIncomingMailIsReviewedButDoesNotStopIt() {
    String outgoing = new String(HostileMail.failOpenCases().get("truncated-pdf").get(), StandardCharsets.UTF_8);
    String incoming = outgoing.replace("From: Anna Berg <anna.berg@regionvarmland.se>", "From: Kalle <kalle.svensson@gmail.com>")
        .replace("To: Kalle <kalle.svensson@gmail.com>", "To: Anna Berg <anna.berg@regionvarmland.se>");
    Decision d = decide(incoming.getBytes(StandardCharsets.UTF_8), "incoming");
    assertThat(d.notices()).contains(Notice.CONTENT_NOT_READ, Notice.REVIEW);
    assertThat(d.mayBeSent()).isTrue();
  }

  @Test
  void deeplyNestedRtfThatTikaReadsIsJudgedOnItsText() {
    Decision d = decide(HostileMail.withAttachment("brev.rtf", "application/rtf", HostileMail.nestedRtf(2_000, HostileMail.SECRET)), "rtf");
    assertThat(d.verdicts()).containsExactly(Verdict.FORBIDDEN_TO_SEND);
    assertThat(d.mayBeSent()).isFalse();
  }

  @Test
  void aPdfThatInflatesToAGigabyteIsNotOpened() {
    Decision d = decide(HostileMail.withPdfBomb(), "bomb");
    assertThat(d.unread()).singleElement().satisfies(l -> assertThat(l.status()).isEqualTo(ReadStatus.NOT_OPENED));
    assertThat(d.notices()).contains(Notice.CONTENT_NOT_READ);
    assertThat(d.mayBeSent()).isFalse();
  }

  @Test
  void headersWithoutTheirBlankLineStillHaveABody() {
    Decision d = decide(HostileMail.noBlankLineAfterHeaders(), "no-blank-line");
    assertThat(d.verdicts()).containsExactly(Verdict.FORBIDDEN_TO_SEND);
    assertThat(d.warnings()).anyMatch(w -> w.contains("not followed by a blank line"));
  }

  @Test
  void thousandsOfReplyPrefixesAreAReply() {
    Decision d = decide(HostileMail.manyReplyPrefixes(20_000), "re");
    assertThat(d.facts().message().reply()).isTrue();
  }
}
