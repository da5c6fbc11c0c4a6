package se.epostpolicy.regression;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import se.epostpolicy.detect.Masking;
import se.epostpolicy.engine.EvaluationContext;
import se.epostpolicy.engine.Notice;
import se.epostpolicy.engine.Verdict;

/**
 * One regression case: a mail, the context it is judged in, and what must come out.
 *
 * @param name a readable name: the suite's folder and the mail file, with the case's position
 * @param about what the case shows, in words, with identity numbers masked (it names test cases and reports)
 * @param mail the mail file
 * @param context what the embedding system knows
 * @param verdicts the exact final verdicts, or empty when the case does not say
 * @param notices the exact final notices, or empty when the case does not say
 * @param fires rule ids that must fire (suppressed or not)
 * @param notFires rule ids that must not fire
 * @param reasons by rule id, words the reason of that rule's hit must contain (the rule must fire):
 *     a case can hold the explanation a records officer will read, not only the verdict
 * @since 0.1
 */
public record RegressionCase(String name, String about, Path mail, EvaluationContext context,
                             Optional<Set<Verdict>> verdicts, Optional<Set<Notice>> notices,
                             List<String> fires, List<String> notFires, Map<String, String> reasons) {
  public RegressionCase {
    Objects.requireNonNull(name, "name");
    about = about == null ? "" : Masking.identityNumbersOnly().text(about);
    Objects.requireNonNull(mail, "mail");
    Objects.requireNonNull(context, "context");
    fires = List.copyOf(fires);
    notFires = List.copyOf(notFires);
    reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
  }
}
