package se.epostpolicy;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A rule pack could not be loaded: its manifest is broken, a rule file does not compile, or a
 * rule lacks the metadata every verdict must cite. Carries every problem found in one build, each
 * with its file and line, so a rule author fixes them all in one round.
 *
 * @since 0.1
 */
public final class RulePackException extends PolicyException {

  private static final long serialVersionUID = 1L;

  /**
   * One problem in a pack.
   *
   * @param file the file as the pack names it (for example {@code region-varmland/2019-01-01/vrm.drl})
   * @param line 1-based line, or 0 when the problem has no line
   * @param message what is wrong, in the compiler's or loader's words
   */
  public record Problem(String file, int line, String message) {
    public Problem {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
  }

  private final String pack;
  private final List<Problem> problems;

  public RulePackException(String pack, List<Problem> problems) {
    super(describe(pack, problems), null);
    this.pack = pack;
    this.problems = List.copyOf(problems);
  }

  private static String describe(String pack, List<Problem> problems) {
    return "rule pack " + pack + " has " + problems.size() + " problem(s):\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }

  /** The pack reference ({@code id@version}) that failed. */
  public String pack() {
    return pack;
  }

  /** Every problem, in file and line order; never empty. */
  public List<Problem> problems() {
    return problems;
  }
}
