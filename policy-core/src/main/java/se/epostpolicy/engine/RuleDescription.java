package se.epostpolicy.engine;

import java.util.List;
import java.util.Objects;

/**
 * One compiled rule as its metadata and source describe it: what lint, coverage and explanations
 * show a rule author.
 *
 * @param id the catalogue id ({@code HAL-06}); several rules may share one id
 * @param name the rule's name in its file
 * @param citation the paragraph it cites
 * @param reason its Swedish reason
 * @param overrides ids of rules whose outcomes it sets aside when it fires
 * @param file the file it is written in ({@code region-halland/2025-11-18/halland.drl})
 * @param line the line of its {@code rule}, or 0 when unknown
 * @since 0.1
 */
public record RuleDescription(String id, String name, Citation citation, String reason, List<String> overrides,
                              String file, int line) {
  public RuleDescription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(reason, "reason");
    overrides = List.copyOf(overrides);
    Objects.requireNonNull(file, "file");
  }
}
