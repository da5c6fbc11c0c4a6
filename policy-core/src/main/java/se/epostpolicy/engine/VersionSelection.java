package se.epostpolicy.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which version of a pack judges a message, when several live side by side in one engine.
 *
 * @since 0.1
 */
public sealed interface VersionSelection {

  /** The version with the latest in-force date, whatever the message's date. */
  static VersionSelection newest() {
    return Newest.INSTANCE;
  }

  /** One named version. */
  static VersionSelection exactly(String version) {
    return new Exactly(version);
  }

  /** The version in force on {@code date}: the latest one in force on or before it. */
  static VersionSelection inForceOn(LocalDate date) {
    return new InForceOn(date);
  }

  /**
   * The version in force on each message's own date (its Date header, in Swedish time). A message
   * without a date, or dated before every version, cannot be evaluated and says so.
   */
  static VersionSelection inForceOnMessageDate() {
    return OnMessageDate.INSTANCE;
  }

  /** @see #newest() */
  enum Newest implements VersionSelection { INSTANCE }

  /** @see #inForceOnMessageDate() */
  enum OnMessageDate implements VersionSelection { INSTANCE }

  /** @see #exactly(String) */
  record Exactly(String version) implements VersionSelection {
    public Exactly {
      Objects.requireNonNull(version, "version");
    }
  }

  /** @see #inForceOn(LocalDate) */
  record InForceOn(LocalDate date) implements VersionSelection {
    public InForceOn {
      Objects.requireNonNull(date, "date");
    }
  }
}
