package se.epostpolicy.pack;

import se.epostpolicy.facts.OrganisationProfile;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A pack's {@code pack.yaml}: who it is for, which document it encodes, from when, what it builds
 * on and the organisation profile it ships.
 *
 * @param id pack id, equal to its folder name
 * @param version version, equal to its folder name
 * @param title the source document's title
 * @param organisation the organisation whose policy it is
 * @param source the source document's file name
 * @param inForce the date from which this version applies, or {@code null} for an undated document
 *     ({@code inForce: undated}), which applies to mail of any date
 * @param includes packs whose rules and settings this one builds on ({@code base@1}), base first
 * @param replaces rule ids of included packs that this version drops (it states them anew or not at all)
 * @param sources further documents its rules may cite beside {@code source}
 * @param abstractPack a pack only for others to include (the base rules): it names no organisation
 * @param profile the default organisation profile settings (partial: the rest comes from includes)
 * @param review the rule id, citation and reason recorded when nothing decisive fired, or {@code null}
 * @since 0.1
 */
public record PackManifest(String id, String version, String title, String organisation, String source,
                           LocalDate inForce, List<String> includes, List<String> replaces, List<String> sources,
                           boolean abstractPack, OrganisationProfile.Settings profile, ReviewRule review) {

  public PackManifest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    includes = includes == null ? List.of() : List.copyOf(includes);
    replaces = replaces == null ? List.of() : List.copyOf(replaces);
    sources = sources == null ? List.of() : List.copyOf(sources);
    profile = profile == null ? OrganisationProfile.Settings.NONE : profile;
  }

  /** Every document this pack's rules may cite: {@code source} and {@code sources}. */
  public List<String> citable() {
    List<String> all = new java.util.ArrayList<>();
    if (source != null && !source.isBlank()) all.add(source);
    all.addAll(sources);
    return List.copyOf(all);
  }

  /** True when this version applies to mail dated {@code date}: undated, or in force on or before it. */
  public boolean inForceOn(LocalDate date) {
    return inForce == null || !inForce.isAfter(date);
  }

  /** {@code id@version}. */
  public String ref() {
    return id + "@" + version;
  }

  /**
   * The rule that stands for "nothing decisive fired" (BAS-08 in the base pack).
   *
   * @param id rule id
   * @param source cited document
   * @param heading cited heading
   * @param reason Swedish reason
   */
  public record ReviewRule(String id, String source, String heading, String reason) {}
}
