package se.epostpolicy;

import java.util.List;

/**
 * No pack (or no such version of it) exists in the repository asked. Lists what does exist.
 *
 * @since 0.1
 */
public final class UnknownPackException extends PolicyException {

  private static final long serialVersionUID = 1L;

  private final List<String> available;

  public UnknownPackException(String requested, List<String> available) {
    super("no rule pack " + requested + "; available: " + (available.isEmpty() ? "none" : String.join(", ", available)), null);
    this.available = List.copyOf(available);
  }

  /** The packs that do exist, as {@code id@version}. */
  public List<String> available() {
    return available;
  }
}
