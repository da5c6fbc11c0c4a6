package se.epostpolicy.pack;

import java.util.Objects;
import java.util.Optional;

/**
 * A reference to a pack: {@code id} (the newest version) or {@code id@version}.
 *
 * @param id the pack id ({@code region-varmland})
 * @param version the version, or empty for the newest
 * @since 0.1
 */
public record PackRef(String id, Optional<String> version) {

  public PackRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    if (id.isBlank()) throw new IllegalArgumentException("pack id must not be blank");
  }

  /** Parses {@code id} or {@code id@version}. */
  public static PackRef parse(String ref) {
    Objects.requireNonNull(ref, "ref");
    int at = ref.indexOf('@');
    if (at < 0) return new PackRef(ref.trim(), Optional.empty());
    String version = ref.substring(at + 1).trim();
    return new PackRef(ref.substring(0, at).trim(), version.isEmpty() ? Optional.empty() : Optional.of(version));
  }

  @Override
  public String toString() {
    return version.map(v -> id + "@" + v).orElse(id);
  }
}
