package se.epostpolicy.regression;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import se.epostpolicy.engine.Decision;

/**
 * The outcome of one regression case.
 *
 * @param suite the suite it belongs to
 * @param regressionCase the case
 * @param decision the decision, or {@code null} when the mail could not be read or evaluated
 * @param failures what differed from the expectation (with the hits behind it); empty when it passed
 * @param time how long reading and evaluating took
 * @since 0.1
 */
public record CaseResult(RegressionSuite suite, RegressionCase regressionCase, Decision decision, List<String> failures,
                         Duration time) {
  public CaseResult {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(regressionCase, "regressionCase");
    failures = List.copyOf(failures);
    Objects.requireNonNull(time, "time");
  }

  /** True when the decision met every expectation. */
  public boolean passed() {
    return failures.isEmpty();
  }
}
