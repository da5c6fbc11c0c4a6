package se.epostpolicy.pack;

import java.util.List;
import java.util.Objects;
import se.epostpolicy.detect.Vocabulary;
import se.epostpolicy.facts.OrganisationProfile;

/**
 * A pack version with everything it builds on, ready to compile: its rule files (included packs'
 * first), its merged default profile and marker vocabulary.
 *
 * @param manifest the selected version's manifest
 * @param chain the manifests of the included packs and this one, base first
 * @param ruleFiles {@code .drl}, {@code .dsl} and {@code .dslr} files, base first
 * @param settings the merged default profile settings, for an organisation's overrides to go over
 *     ({@link OrganisationProfile.Settings#toProfile()} makes the profile)
 * @param vocabulary the merged marker vocabulary
 * @param review the "nothing decisive" rule, from the nearest manifest that names one
 * @since 0.1
 */
public record ResolvedPack(PackManifest manifest, List<PackManifest> chain, List<PackFile> ruleFiles,
                           OrganisationProfile.Settings settings, Vocabulary vocabulary,
                           PackManifest.ReviewRule review) {
  public ResolvedPack {
    Objects.requireNonNull(manifest, "manifest");
    chain = List.copyOf(chain);
    ruleFiles = List.copyOf(ruleFiles);
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(vocabulary, "vocabulary");
  }
}
