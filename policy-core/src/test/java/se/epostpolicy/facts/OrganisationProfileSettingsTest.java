package se.epostpolicy.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.epostpolicy.RulePackException;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.pack.PackRepository;

/** One profile type: its YAML keys, merging down an include chain, and no default but the base pack's. */
class OrganisationProfileSettingsTest {

  @Test
  void unknownKeysAndWrongKindsAreProblems() {
    List<String> problems = new ArrayList<>();
    OrganisationProfile.Settings s = OrganisationProfile.Settings.of(
        Map.of("internalDomain", List.of("a.se"), "bccThreshold", "tio"), problems);
    assertThat(problems).containsExactlyInAnyOrder(
        "unknown profile setting 'internalDomain' (known: " + OrganisationProfile.Settings.KEYS + ")",
        "bccThreshold must be a whole number");
    assertThat(s.internalDomains()).isNull();
  }

  @Test
  void laterSettingsWinAndTheMergedWholeMakesTheProfile() {
    List<String> problems = new ArrayList<>();
    OrganisationProfile.Settings base = OrganisationProfile.Settings.of(
        Map.of("massMailingThreshold", 50, "bccThreshold", 10, "privateProviders", List.of("gmail.com")), problems);
    OrganisationProfile.Settings org = OrganisationProfile.Settings.of(
        Map.of("internalDomains", List.of("Kommun.SE"), "bccThreshold", 5), problems);
    assertThat(problems).isEmpty();
    OrganisationProfile p = base.overriddenBy(org).toProfile();
    assertThat(p.internalDomains()).containsExactly("kommun.se");
    assertThat(p.bccThreshold()).isEqualTo(5);
    assertThat(p.massMailingThreshold()).isEqualTo(50);
    assertThat(p.isPrivateProvider("gmail.com")).isTrue();
  }

  @Test
  void nothingButTheBasePackGivesTheThresholds() {
    OrganisationProfile.Settings onlyDomains = new OrganisationProfile.Settings(List.of("a.se"), null, null, null, null, null);
    assertThatThrownBy(onlyDomains::toProfile).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("not set: massMailingThreshold, bccThreshold (the base pack, base@1, sets the thresholds");
    assertThatThrownBy(() -> OrganisationProfile.builder().internalDomains(java.util.Set.of("a.se")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("both thresholds");
  }

  @Test
  void aMisspeltProfileKeyInAManifestIsAProblemOfThatFile(@TempDir Path dir) throws Exception {
    Path v = Files.createDirectories(dir.resolve("org/1"));
    Files.writeString(v.resolve("pack.yaml"), """
        id: org
        version: "1"
        title: T
        organisation: O
        source: t.txt
        inForce: 2020-01-01
        profile: {internalDomains: [org.se], massMailingThreshold: 50, bccTreshold: 10}
        review: {id: R, source: t.txt, heading: H, reason: Ingen.}
        """);
    Files.writeString(v.resolve("rules.drl"), "package org;\n");
    PackRepository repo = PackRepository.directory(dir);
    assertThat(repo.problems()).extracting(Object::toString).contains(
        "org/1/pack.yaml: unknown profile setting 'bccTreshold' (known: " + OrganisationProfile.Settings.KEYS + ")");
    assertThatThrownBy(() -> PolicyEngine.builder().repository(repo).pack("org").build())
        .isInstanceOf(RulePackException.class).hasMessageContaining("bccTreshold");
  }
}
