package se.epostpolicy.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The catalogue's precedence, in one place: {@code FORBIDDEN_TO_SEND} stands alone,
 * {@code DO_NOT_DELETE} blocks {@code DELETE}, a rule that declares {@code @overrides} sets the
 * named rules' outcomes aside, and no primary verdict at all means {@code REVIEW}.
 */
final class Precedence {

  record Result(Set<Verdict> verdicts, Set<Notice> notices, List<Hit> hits) {}

  private Precedence() {}

  static Result apply(List<Hit> fired, CompiledPack pack) {
    List<Hit> hits = new ArrayList<>(fired);
    // Rules that prevail over others, as their metadata declares.
    for (Hit h : fired) {
      for (String overridden : pack.overrides(h.ruleName())) {
        for (int i = 0; i < hits.size(); i++) {
          Hit other = hits.get(i);
          if (!other.suppressed() && other.ruleId().equals(overridden)) hits.set(i, other.suppress(Suppression.overriddenBy(h.ruleId())));
        }
      }
    }
    boolean forbidden = hits.stream().anyMatch(h -> !h.suppressed() && h.outcome() == Verdict.FORBIDDEN_TO_SEND);
    boolean keep = hits.stream().anyMatch(h -> !h.suppressed() && h.outcome() == Notice.DO_NOT_DELETE);
    for (int i = 0; i < hits.size(); i++) {
      Hit h = hits.get(i);
      if (h.suppressed() || !h.outcome().primary()) continue;
      if (forbidden && h.outcome() != Verdict.FORBIDDEN_TO_SEND) {
        hits.set(i, h.suppress(Suppression.forbidden()));
      } else if (keep && h.outcome() == Verdict.DELETE) {
        hits.set(i, h.suppress(Suppression.keep()));
      }
    }
    Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
    Set<Notice> notices = EnumSet.noneOf(Notice.class);
    for (Hit h : hits) {
      if (h.suppressed()) continue;
      if (h.outcome() instanceof Verdict v) verdicts.add(v);
      else notices.add((Notice) h.outcome());
    }
    if (verdicts.isEmpty()) {
      notices.add(Notice.REVIEW);
      hits.add(pack.reviewHit());
    }
    return new Result(verdicts, notices, hits);
  }
}
