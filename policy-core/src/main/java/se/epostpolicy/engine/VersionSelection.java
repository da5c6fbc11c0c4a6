package se.epostpolicy.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import se.epostpolicy.EvaluationException;
import se.epostpolicy.UnknownPackException;
import se.epostpolicy.pack.PackManifest;

/**
 * Which version of a pack judges a message, when several live side by side in one engine.
 *
 * @since 0.1
 */
public sealed interface VersionSelection {

  /**
   * The version this selection picks for one message.
   *
   * @param versions every version of the pack, oldest in-force date first; not empty
   * @param messageDate the message's date, or {@code null} when it has none that can be read
   * @throws UnknownPackException when the exact version asked for is not among them
   * @throws EvaluationException when no version applies to the date
   */
  PackManifest choose(List<PackManifest> versions, Instant messageDate);

  /** The latest version in force on {@code date}, or an error naming the first one's date. */
  private static PackManifest inForce(List<PackManifest> versions, LocalDate date) {
    PackManifest chosen = null;
    for (PackManifest m : versions) if (m.inForceOn(date)) chosen = m; // oldest first: the last that applies
    if (chosen == null) {
      PackManifest first = versions.get(0);
      throw new EvaluationException(first.id() + ": no version was in force on " + date + "; the first, " + first.ref()
          + ", applies from " + first.inForce(), null);
    }
    return chosen;
  }

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
  enum Newest implements VersionSelection {
    INSTANCE;

    @Override
    public PackManifest choose(List<PackManifest> versions, Instant messageDate) {
      return versions.get(versions.size() - 1);
    }
  }

  /** @see #inForceOnMessageDate() */
  enum OnMessageDate implements VersionSelection {
    INSTANCE;

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    @Override
    public PackManifest choose(List<PackManifest> versions, Instant messageDate) {
      if (messageDate == null) {
        throw new EvaluationException(versions.get(0).id()
            + ": the message has no readable Date, so the version in force cannot be chosen", null);
      }
      return inForce(versions, messageDate.atZone(SWEDEN).toLocalDate());
    }
  }

  /** @see #exactly(String) */
  record Exactly(String version) implements VersionSelection {
    public Exactly {
      Objects.requireNonNull(version, "version");
    }

    @Override
    public PackManifest choose(List<PackManifest> versions, Instant messageDate) {
      return versions.stream().filter(m -> m.version().equals(version)).findFirst()
          .orElseThrow(() -> new UnknownPackException(versions.get(0).id() + "@" + version,
              versions.stream().map(PackManifest::ref).toList()));
    }
  }

  /** @see #inForceOn(LocalDate) */
  record InForceOn(LocalDate date) implements VersionSelection {
    public InForceOn {
      Objects.requireNonNull(date, "date");
    }

    @Override
    public PackManifest choose(List<PackManifest> versions, Instant messageDate) {
      return inForce(versions, date);
    }
  }
}
