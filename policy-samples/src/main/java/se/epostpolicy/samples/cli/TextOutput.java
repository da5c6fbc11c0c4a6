package se.epostpolicy.samples.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.stream.Collectors;
import se.epostpolicy.engine.Decision;
import se.epostpolicy.engine.Hit;
import se.epostpolicy.facts.Marker;

/** A readable table per message, for people; what comes from the mail is shown escaped (see {@link Terminal}). */
final class TextOutput implements Output {

  private final Terminal out;

  TextOutput(PrintWriter out) {
    this.out = new Terminal(out);
  }

  @Override
  public void decision(Decision d) {
    out.printf("%s%n", d.source());
    out.printf("  policy %s, %s%n", d.pack(), d.direction());
    out.printf("  verdicts: %s%n", names(d.verdicts()));
    out.printf("  notices:  %s%n", names(d.notices()));
    if (!d.mayBeSent()) out.printf("  may not be sent as it is%n");
    for (Hit h : d.hits()) {
      out.printf("    %-7s %-28s %s%s%n", h.ruleId(), h.outcome().name(), h.citation(),
          h.suppressed() ? "  (suppressed by " + h.suppressedBy() + ")" : "");
    }
    if (!d.markers().isEmpty()) {
      out.printf("  markers:  %s%n", d.markers().stream().map(TextOutput::marker).collect(Collectors.joining("; ")));
    }
    for (var l : d.unread()) out.printf("  not read: %s%n", l);
    for (String w : d.warnings()) out.printf("  warning:  %s%n", w);
    out.println();
  }

  @Override
  public void failure(String source, String policy, String error) {
    out.printf("%s%n  could not be evaluated: %s%n%n", source, error);
  }

  @Override
  public void summary(int evaluated, int failed) {
    out.printf("%d message(s) evaluated, %d could not be evaluated%n", evaluated, failed);
  }

  private static String names(Collection<? extends Enum<?>> values) {
    return values.isEmpty() ? "—" : values.stream().map(Enum::name).collect(Collectors.joining(", "));
  }

  private static String marker(Marker m) {
    String where = m.location().name().toLowerCase() + (m.attachmentName().isEmpty() ? "" : " " + m.attachmentName());
    return m.type() + " (" + where + ": " + m.evidence() + ")";
  }
}
