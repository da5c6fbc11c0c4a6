package se.epostpolicy.samples;

import java.nio.file.Path;
import se.epostpolicy.engine.Decision;
import se.epostpolicy.engine.EvaluationContext;
import se.epostpolicy.engine.Hit;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.engine.SenderHistory;
import se.epostpolicy.mail.MailReader;
import se.epostpolicy.mail.ReadOutcome;

/**
 * How a mail gateway or records system embeds the library: one engine for the process, one
 * reader, one decision per message. Run with a path to a mail, mbox or Maildir.
 */
public final class EmbeddingExample {

  private EmbeddingExample() {}

  public static void main(String[] args) {
    PolicyEngine engine = PolicyEngine.load("region-varmland"); // compile once; share between threads
    MailReader.useLenientMimeSettings(); // JVM-wide: this program owns its JVM, so it may choose
    MailReader reader = new MailReader();
    EvaluationContext context = EvaluationContext.UNKNOWN.withSenderHistory(SenderHistory.FIRST_CONTACT);
    reader.read(Path.of(args.length > 0 ? args[0] : "policy-samples/samples"), outcome -> {
      if (outcome instanceof ReadOutcome.Parsed parsed) {
        Decision d = engine.evaluate(parsed.email(), context);
        System.out.println(d.source() + ": " + d.verdicts() + " " + d.notices());
        for (Hit h : d.hits()) {
          if (!h.suppressed()) System.out.println("  " + h.ruleId() + " " + h.outcome().name() + " — " + h.citation());
        }
      } else {
        // An unreadable message is reported, never dropped: a person looks at it.
        System.out.println(outcome.source() + ": could not be read: " + ((ReadOutcome.Unreadable) outcome).error().getMessage());
      }
    });
  }
}
