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
 * What must happen to one message, and why. Immutable; only the engine makes decisions, so one
 * cannot be forged by a caller. {@link #toString()} names no content: markers carry only masked
 * evidence.
 *
 * @since 0.1
 */
public final class Decision {

  private final String source;
  private final String pack;
  private final Direction direction;
  private final Set<Verdict> verdicts;
  private final Set<Notice> notices;
  private final List<Hit> hits;
  private final MailFacts facts;
  private final List<String> warnings;

  Decision(String source, String pack, Direction direction, Set<Verdict> verdicts, Set<Notice> notices, List<Hit> hits,
           MailFacts facts, List<String> warnings) {
    this.source = Objects.requireNonNull(source, "source");
    this.pack = Objects.requireNonNull(pack, "pack");
    this.direction = Objects.requireNonNull(direction, "direction");
    this.verdicts = verdicts.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(verdicts));
    this.notices = notices.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(notices));
    this.hits = List.copyOf(hits);
    this.facts = Objects.requireNonNull(facts, "facts");
    this.warnings = List.copyOf(warnings);
  }

  /** Where the message came from. */
  public String source() {
    return source;
  }

  /** The pack version that decided ({@code region-varmland@2019-01-01}). */
  public String pack() {
    return pack;
  }

  /** The message's direction. */
  public Direction direction() {
    return direction;
  }

  /** The final primary verdicts, after precedence. */
  public Set<Verdict> verdicts() {
    return verdicts;
  }

  /** The notices, {@link Notice#REVIEW} when no primary verdict stands. */
  public Set<Notice> notices() {
    return notices;
  }

  /** Every outcome of every rule that fired, suppressed ones included, in firing order. */
  public List<Hit> hits() {
    return hits;
  }

  /** The facts the rules saw. */
  public MailFacts facts() {
    return facts;
  }

  /** What could not be read fully; the decision may rest on part of the message. */
  public List<String> warnings() {
    return warnings;
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
  public boolean equals(Object o) {
    return o instanceof Decision d && source.equals(d.source) && pack.equals(d.pack) && direction == d.direction
        && verdicts.equals(d.verdicts) && notices.equals(d.notices) && hits.equals(d.hits) && facts.equals(d.facts)
        && warnings.equals(d.warnings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, pack, direction, verdicts, notices, hits, facts, warnings);
  }

  @Override
  public String toString() {
    return "Decision[" + source + ", " + pack + ", " + direction + ", verdicts=" + verdicts + ", notices=" + notices
        + ", rules=" + firedRules() + "]";
  }
}
