package se.epostpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import se.epostpolicy.engine.Decision;
import se.epostpolicy.engine.Notice;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.facts.Direction;
import se.epostpolicy.facts.Location;
import se.epostpolicy.facts.MarkerType;
import se.epostpolicy.facts.Message;
import se.epostpolicy.mail.MailReader;
import se.epostpolicy.mail.ReaderLimits;

/**
 * Mails with 100 000 recipients or 100 000 attachments, generated here, are read and evaluated
 * with exact counts and the facts the policy needs, and the work grows linearly with their number.
 * Work is measured as the bytes the reading thread allocates, N against 2N: no clock, so a loaded
 * CI machine cannot fail it (the quadratic header unfolding this guards against copied the rest
 * of the To field at every line). Times are in {@code policy-bench}'s {@code LargeMailBenchmark}.
 */
class LargeMailTest {

  private static final PolicyEngine ENGINE = PolicyEngine.load("region-varmland");
  private static final MailReader READER = new MailReader();
  private static final String BOUND_WARNING = "attachments after the first " + ReaderLimits.DEFAULTS.maxOpenedAttachments()
      + " were counted and named but not opened: their content was not read";

  /** From inside the region to {@code n} colleagues, the last of them at a private mail provider. */
  private static byte[] recipients(int n) {
    StringBuilder mail = new StringBuilder("From: Lena Berg <lena.berg@regionvarmland.se>\r\n"
        + "Date: Mon, 3 Nov 2025 10:00:00 +0100\r\nSubject: Information till alla\r\nTo: ");
    for (int i = 1; i < n; i++) {
      mail.append("Medarbetare ").append(i).append(" <medarbetare").append(i).append("@regionvarmland.se>,\r\n ");
    }
    mail.append("Anna Svensson <anna.svensson@gmail.com>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n\r\nHej!\r\n--\r\nwww.regionvarmland.se\r\n");
    return mail.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * From outside with {@code n} small text attachments; past the opened bound, one is named with
   * an identity number and the last one is a program behind a document's name.
   */
  private static byte[] attachments(int n) {
    StringBuilder mail = new StringBuilder("From: Anna Svensson <anna.svensson@gmail.com>\r\n"
        + "To: vard@regionvarmland.se\r\nDate: Mon, 3 Nov 2025 10:00:00 +0100\r\nSubject: Bilagor\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"gräns\"\r\n\r\n--gräns\r\nContent-Type: text/plain\r\n\r\nSe bilagorna.\r\n");
    for (int i = 1; i <= n; i++) {
      String name = i == n ? "faktura.pdf.exe" : i == n - 1 ? "remiss 19121212-1212.txt" : "bilaga" + i + ".txt";
      mail.append("--gräns\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"")
          .append(name).append("\"\r\n\r\nrad ").append(i).append("\r\n");
    }
    mail.append("--gräns--\r\n");
    return mail.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Decision evaluate(byte[] mail) {
    return ENGINE.evaluate(READER.read(new ByteArrayInputStream(mail), "large.eml"));
  }

  @Test
  void aMailToOneHundredThousandRecipientsIsDecidedWithExactCountsInLinearWork() {
    Decision small = evaluate(recipients(100));
    Decision large = evaluateInLinearWork(LargeMailTest::recipients, 100_000);
    Message m = large.facts().message();
    assertThat(m.recipientCount()).isEqualTo(100_000);
    assertThat(m.toCount()).isEqualTo(100_000);
    assertThat(m.externalRecipientCount()).isEqualTo(1);
    assertThat(m.privateProviderRecipientCount()).isEqualTo(1);
    assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(large.warnings()).isEmpty();
    assertThat(large.verdicts()).isEqualTo(small.verdicts());
    assertThat(large.notices()).isEqualTo(small.notices());
    assertThat(large.firedRules()).isEqualTo(small.firedRules());
  }

  @Test
  void aMailWithOneHundredThousandAttachmentsIsDecidedOnEveryNameInLinearWorkAndSaysWhatWasNotOpened() {
    evaluate(attachments(100));
    Decision d = evaluateInLinearWork(LargeMailTest::attachments, 100_000);
    Message m = d.facts().message();
    assertThat(m.attachmentCount()).isEqualTo(100_000);
    assertThat(d.facts().attachments()).hasSize(100_000);
    assertThat(m.riskyAttachment()).isTrue();
    assertThat(d.notices()).contains(Notice.REPORT_TO_IT);
    assertThat(d.facts().markers()).anySatisfy(marker -> {
      assertThat(marker.type()).isEqualTo(MarkerType.PERSONNUMMER);
      assertThat(marker.location()).isEqualTo(Location.ATTACHMENT_NAME);
      assertThat(marker.attachmentName()).isEqualTo("remiss 19121212-****.txt"); // masked like all evidence
    });
    assertThat(d.warnings()).containsExactly(BOUND_WARNING);
    // What was not opened was not read: a person looks before it is sent (BAS-09).
    assertThat(d.notices()).contains(Notice.CONTENT_NOT_READ, Notice.REVIEW);
    assertThat(d.unread()).singleElement().satisfies(l -> assertThat(l.status()).isEqualTo(se.epostpolicy.facts.ReadStatus.NOT_OPENED));
  }

  /** A To header that runs on for {@code lines} folded lines of encoded words and no comma (as in mimekit's stack-overflow.txt). */
  private static byte[] longAddressHeader(int lines) {
    StringBuilder mail = new StringBuilder("From: anna.berg@regionvarmland.se\r\nTo: \"test\" <test@example.org>,\r\n");
    for (int i = 0; i < lines; i++) mail.append("\t=?utf-8?Q?date=3E2017-08-20T10:08:28.617=3C/pr?=\r\n");
    mail.append("Subject: Svar\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n")
        .append("Content-Type: text/plain; charset=utf-8\r\n\r\nHej!\r\n");
    return mail.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anAddressHeaderOfMegabytesIsReadInLinearWork() {
    evaluate(longAddressHeader(100));
    Decision d = evaluateInLinearWork(LargeMailTest::longAddressHeader, 40_000);
    assertThat(d.facts().message().recipients()).extracting(r -> r.address().address()).contains("test@example.org");
  }

  /**
   * Evaluates the mail of size {@code n} after the one of a quarter the size, and checks that it
   * allocated at most six times as much: linear work allocates about four times as much, quadratic
   * work sixteen.
   */
  private static Decision evaluateInLinearWork(IntFunction<byte[]> mail, int n) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
        "this JVM does not count allocated bytes per thread");
    byte[] quarter = mail.apply(n / 4);
    byte[] whole = mail.apply(n);
    long before = threads.getCurrentThreadAllocatedBytes();
    evaluate(quarter);
    long quarterWork = threads.getCurrentThreadAllocatedBytes() - before;
    before = threads.getCurrentThreadAllocatedBytes();
    Decision decision = evaluate(whole);
    long work = threads.getCurrentThreadAllocatedBytes() - before;
    System.out.printf("work: %d MB allocated for %d, %d MB for %d%n", quarterWork >> 20, n / 4, work >> 20, n);
    assertThat((double) work / quarterWork).as("bytes allocated for %d against %d", n, n / 4).isLessThan(6.0);
    return decision;
  }
}
