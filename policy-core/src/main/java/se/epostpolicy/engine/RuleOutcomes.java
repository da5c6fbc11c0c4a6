package se.epostpolicy.engine;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The one thing a rule's consequence does: record its outcomes. Bound as the DRL global
 * {@code decide}, so a rule reads {@code then decide.to(drools, Verdict.JOURNAL, Verdict.DELETE);}.
 * The rule's citation and reason come from its metadata, not from the call.
 *
 * <p>One instance per evaluation; not thread-safe, and never shared.
 *
 * @since 0.1
 */
public final class RuleOutcomes {

  /** One outcome recorded by one rule. */
  record Fired(String ruleName, Outcome outcome) {}

  private final List<Fired> fired = new ArrayList<>();

  RuleOutcomes() {}

  /** Records that the rule now firing returns {@code outcomes}. */
  public void to(RuleContext drools, Outcome... outcomes) {
    String rule = drools.getRule().getPackageName() + "." + drools.getRule().getName();
    for (Outcome o : outcomes) fired.add(new Fired(rule, o));
  }

  List<Fired> fired() {
    return fired;
  }
}
