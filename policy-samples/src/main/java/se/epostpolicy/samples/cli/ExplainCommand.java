package se.epostpolicy.samples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.epostpolicy.PolicyException;
import se.epostpolicy.detect.Masking;
import se.epostpolicy.engine.Decision;
import se.epostpolicy.engine.Hit;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.facts.Attachment;
import se.epostpolicy.facts.Marker;
import se.epostpolicy.facts.Message;
import se.epostpolicy.facts.Recipient;
import se.epostpolicy.mail.MailReader;
import se.epostpolicy.mail.ReadOutcome;

/** {@code policy-check explain}: the page a records officer reads when they disagree with a decision. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Shows the facts read out of a mail, the markers found, every rule that fired with its citation "
        + "and reason, what precedence set aside and why, and the final decision.")
final class ExplainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  EngineOptions engineOptions;

  @Mixin
  ReadingOptions readingOptions;

  @Parameters(arity = "1", paramLabel = "MAIL", description = "An .eml file (or an mbox or Maildir: every message is explained).")
  String mail;

  @Override
  public Integer call() {
    Terminal out = new Terminal(spec.commandLine().getOut());
    PolicyEngine engine = engineOptions.engine(spec);
    if (engine == null) return engineOptions.failure;
    List<Integer> failed = new ArrayList<>();
    try (MailReader reader = readingOptions.reader()) {
    reader.read(Path.of(mail), mail, outcome -> {
      if (outcome instanceof ReadOutcome.Parsed p) {
        try {
          explain(out, engine.evaluate(p.email(), engineOptions.context()), engine.masking());
        } catch (PolicyException e) {
          out.printf("%s%n  could not be evaluated: %s%n", outcome.source(), e.getMessage());
          failed.add(1);
        }
      } else {
        out.printf("%s%n  could not be read: %s%n", outcome.source(), ((ReadOutcome.Unreadable) outcome).error().getMessage());
        failed.add(1);
      }
    });
    }
    out.flush();
    return failed.isEmpty() ? PolicyCheck.OK : PolicyCheck.SOME_FAILED;
  }

  /** Addresses keep only their domain, attachment names lose identity numbers and names; all of it is shown escaped. */
  static void explain(Terminal out, Decision d, Masking masking) {
    Message m = d.facts().message();
    out.printf("%s%nJudged by %s%n%n", d.source(), d.pack());
    out.println("Facts read out of the mail");
    out.printf("  direction        %s%n", m.direction());
    out.printf("  sender           %s (%s%s%s)%n", Masking.address(m.sender().address()), m.senderInternal() ? "internal" : "external",
        m.senderPrivateProvider() ? ", private provider" : "", m.senderAuthorityMailbox() ? ", authority mailbox" : "");
    out.printf("  recipients       %d (To %d, Cc %d, Bcc %d; external %d, private providers %d%s)%n", m.recipientCount(),
        m.toCount(), m.ccCount(), m.bccCount(), m.externalRecipientCount(), m.privateProviderRecipientCount(),
        m.toAuthorityMailbox() ? ", authority mailbox among them" : "");
    for (Recipient r : m.recipients()) {
      out.printf("                   %-4s %s%s%s%n", r.field(), Masking.address(r.address().address()), r.internal() ? " (internal)" : "",
          r.privateProvider() ? " (private provider)" : "");
    }
    List<String> kinds = new ArrayList<>();
    if (m.reply()) kinds.add("reply");
    if (m.forward()) kinds.add("manual forward");
    if (m.autoForward()) kinds.add("automatic forward");
    if (m.autoReply()) kinds.add("automatic reply" + (m.returnDateGiven() ? ", return date given" : ", no return date")
        + (m.alternativeContactGiven() ? ", contact given" : ", no contact"));
    if (m.bulk()) kinds.add("bulk/list");
    if (m.deliveryReport()) kinds.add("delivery report");
    if (m.readReport()) kinds.add("read receipt");
    if (m.scanToMail()) kinds.add(m.scannedToOwnMailbox() ? "scan-to-mail to the user's own mailbox" : "scan-to-mail");
    if (m.minorImportance()) kinds.add("of minor importance");
    out.printf("  kind             %s%n", kinds.isEmpty() ? "ordinary mail" : String.join("; ", kinds));
    out.printf("  protection       %s%n", m.encryption());
    if (m.sensitiveContent()) out.println("  content          sensitive (patient, health, social-care or sensitive personal data, a marking or an assessment)");
    List<String> suspicious = new ArrayList<>();
    if (m.riskyAttachment()) suspicious.add("risky attachment");
    if (m.authenticationFailed()) suspicious.add("authentication failed");
    if (m.displayNameSpoofing()) suspicious.add("internal address in an outside sender's name");
    if (m.deceptiveLink()) suspicious.add("deceptive link");
    out.printf("  suspicious       %s%n", suspicious.isEmpty() ? "nothing" : String.join("; ", suspicious));
    out.printf("  date, size       %s, %d bytes%n", m.date() == null ? "no date" : m.date(), m.sizeBytes());
    for (Attachment a : d.facts().attachments()) {
      out.printf("  attachment       %s: declared %s, content %s, name says %s, %d bytes%s%s%s%n",
          a.name().isEmpty() ? "(no name)" : masking.text(a.name()),
          a.declaredType(), a.detectedType(), a.extensionType(), a.size(), a.encrypted() ? ", ENCRYPTED" : "",
          a.risky() ? ", RISKY" : "", a.unread() ? ", NOT READ IN FULL (" + a.read().name().toLowerCase(java.util.Locale.ROOT) + ")" : "");
    }
    out.println();
    out.println("Markers (evidence masked)");
    if (d.markers().isEmpty()) out.println("  none");
    for (Marker mk : d.markers()) marker(out, mk, "");
    for (Marker mk : d.facts().weakMarkers()) marker(out, mk, ", too weak to decide");
    out.println();
    out.println("Rules that fired");
    for (Hit h : d.hits()) {
      out.printf("  %-7s %-28s %s%n", h.ruleId(), h.outcome().name(), h.citation());
      out.printf("          %s%n", h.reason());
      if (h.suppressed()) out.printf("          SET ASIDE: %s%n", why(h));
    }
    out.println();
    out.println("Decision");
    out.printf("  verdicts: %s%n", d.verdicts().isEmpty() ? "—" : d.verdicts().stream().map(Enum::name).collect(Collectors.joining(", ")));
    out.printf("  notices:  %s%n", d.notices().isEmpty() ? "—" : d.notices().stream().map(Enum::name).collect(Collectors.joining(", ")));
    out.printf("  may be sent as it is: %s%n", d.mayBeSent() ? "yes" : "no");
    for (var l : d.unread()) out.printf("  not read: %s%n", l);
    for (String w : d.warnings()) out.printf("  warning:  %s%n", w);
    out.println();
  }

  private static void marker(Terminal out, Marker mk, String note) {
    out.printf("  %-27s in %s%s, %s: \"%s\" (%s confidence%s)%s%n", mk.type(), mk.location().name().toLowerCase(),
        mk.attachmentName().isEmpty() ? "" : " " + mk.attachmentName(), mk.zone().name().toLowerCase().replace('_', ' '),
        mk.evidence(), mk.confidence().name().toLowerCase(), note, mk.protectedInTransit() ? " (unreadable in transit)" : "");
  }

  private static String why(Hit h) {
    return h.suppression().map(s -> s.explanation(h.ruleId())).orElse("");
  }
}
