package se.epostpolicy.engine;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import se.epostpolicy.facts.ContentLoss;
import se.epostpolicy.facts.Direction;
import se.epostpolicy.facts.MailFacts;
import se.epostpolicy.facts.Marker;

/**
 * What must happen to one message, and why. {@link #toString()} names no content: markers carry
 * only masked evidence.
 *
 * @param source where the message came from
 * @param pack the pack version that decided ({@code region-varmland@2019-01-01})
 * @param direction the message's direction
 * @param verdicts the final primary verdicts, after precedence
 * @param notices the notices, {@link Notice#REVIEW} when no primary verdict stands
 * @param hits every outcome of every rule that fired, suppressed ones included, in firing order
 * @param facts the facts the rules saw
 * @param warnings what could not be read fully; the decision may rest on part of the message
 * @since 0.1
 */
public record Decision(String source, String pack, Direction direction, Set<Verdict> verdicts,
                       Set<Notice> notices, List<Hit> hits, MailFacts facts, List<String> warnings) {

  public Decision {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(direction, "direction");
    verdicts = verdicts.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(verdicts));
    notices = notices.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(notices));
    hits = List.copyOf(hits);
    Objects.requireNonNull(facts, "facts");
    warnings = List.copyOf(warnings);
  }

  /** The markers found, with location and masked evidence. */
  public List<Marker> markers() {
    return facts.markers();
  }

  /**
   * The one answer a mail gateway needs: may this message go out as it is? False when a rule
   * forbids sending it, and when part of an outgoing or internal message could not be read in
   * full (catalogue BAS-09: what was not read may hold what must not be sent), whether or not the
   * pack has a rule for it. A message whose evaluation failed has no decision: the evaluating call
   * throws a {@link se.epostpolicy.PolicyException}, and such a message may not be sent either.
   */
  public boolean mayBeSent() {
    if (verdicts.contains(Verdict.FORBIDDEN_TO_SEND)) return false;
    boolean unread = notices.contains(Notice.CONTENT_NOT_READ) || facts.message().contentNotRead();
    return !unread || direction == Direction.INBOUND;
  }

  /** The parts of the message that were not read in full; empty when all was read. */
  public List<ContentLoss> unread() {
    return facts.unread();
  }

  /** True when a person must assess the message. */
  public boolean needsReview() {
    return notices.contains(Notice.REVIEW);
  }

  /** The ids of the rules whose outcomes stand (not suppressed), in firing order, without repeats. */
  public List<String> firedRules() {
    return hits.stream().filter(h -> !h.suppressed()).map(Hit::ruleId).distinct().toList();
  }

  @Override
  public String toString() {
    return "Decision[" + source + ", " + pack + ", " + direction + ", verdicts=" + verdicts + ", notices=" + notices
        + ", rules=" + firedRules() + "]";
  }
}
