package se.epostpolicy.lint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import se.epostpolicy.RulePackException;
import se.epostpolicy.RulePackException.Problem;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.engine.RuleDescription;
import se.epostpolicy.pack.PackManifest;
import se.epostpolicy.pack.PackRef;
import se.epostpolicy.pack.PackRepository;
import se.epostpolicy.pack.ResolvedPack;

/**
 * Checks every pack and version of a repository the way a rule author needs before CI does:
 * compiles each version (every compiler problem with file and line) and finds what the compiler
 * does not: a rule id used in two files, a citation of a document the pack does not name (or, given
 * the folder of source documents, one that does not exist), broken manifests, and two versions in
 * force from the same day. Rules without id, source, heading or reason, unknown marker and notice
 * names and broken vocabularies come from compilation and loading. Rules that run code of their own
 * (anything beyond comparing facts and recording outcomes) are problems too, found before compiling.
 *
 * @since 0.1
 */
public final class PackLinter {

  private PackLinter() {}

  /**
   * Every problem in {@code repository}, sorted by file and line; empty when the packs are sound.
   *
   * @param sources the folders holding the cited documents (a document must be in one of them), or
   *     none to check citations only against the documents the manifests name
   */
  public static List<Problem> lint(PackRepository repository, List<Path> sources) {
    return lint(repository, sources, false);
  }

  /**
   * Every problem in {@code repository}, sorted by file and line; empty when the packs are sound.
   *
   * @param sources as for {@link #lint(PackRepository, List)}
   * @param allowRuleCode whether the packs' rules may run code of their own (see
   *     {@link PolicyEngine.Builder#allowRuleCode(boolean)}); when not, every place that does is a
   *     problem and that version is not compiled, so linting runs none of it
   */
  public static List<Problem> lint(PackRepository repository, List<Path> sources, boolean allowRuleCode) {
    Objects.requireNonNull(repository, "repository");
    Set<Problem> problems = new LinkedHashSet<>(repository.problems());
    Map<String, List<PackManifest>> byId = new TreeMap<>();
    for (PackManifest m : repository.manifests()) byId.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(m);

    for (List<PackManifest> versions : byId.values()) {
      Map<String, PackManifest> byDate = new HashMap<>();
      for (PackManifest m : versions) {
        String date = String.valueOf(m.inForce());
        PackManifest other = byDate.putIfAbsent(date, m);
        if (other != null) {
          problems.add(new Problem(m.id() + "/" + m.version() + "/pack.yaml", 0,
              "in force from " + date + ", the same day as version " + other.version()));
        }
      }
      for (PackManifest m : versions) {
        if (m.abstractPack()) continue; // checked through the packs that include it
        try {
          List<Problem> found = new ArrayList<>();
          ResolvedPack resolved = repository.resolve(new PackRef(m.id(), Optional.of(m.version())), found);
          problems.addAll(found);
          List<RuleDescription> rules = PolicyEngine.compile(resolved, allowRuleCode);
          problems.addAll(citations(resolved, rules, sources));
          problems.addAll(duplicateIds(rules.subList(0, rules.size() - 1)));
        } catch (RulePackException e) {
          problems.addAll(e.problems());
        }
      }
    }
    return problems.stream().sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line)
        .thenComparing(Problem::message)).toList();
  }

  private static List<Problem> citations(ResolvedPack pack, List<RuleDescription> rules, List<Path> sources) {
    Set<String> citable = new LinkedHashSet<>();
    for (PackManifest m : pack.chain()) citable.addAll(m.citable());
    List<Problem> out = new ArrayList<>();
    for (RuleDescription r : rules) {
      String document = r.citation().document();
      if (!citable.contains(document)) {
        out.add(new Problem(r.file(), r.line(), "rule " + r.id() + " cites " + document
            + ", which no manifest of " + pack.manifest().ref() + " names as source or sources"));
      }
      if (!sources.isEmpty() && sources.stream().noneMatch(dir -> Files.isRegularFile(dir.resolve(document)))) {
        out.add(new Problem(r.file(), r.line(), "rule " + r.id() + " cites " + document + ", which is not in " + sources));
      }
      if (r.citation().heading().isBlank()) out.add(new Problem(r.file(), r.line(), "rule " + r.id() + " cites no heading"));
    }
    return out;
  }

  /** An id is one catalogue rule: its rules may be several, but in one file. */
  private static List<Problem> duplicateIds(List<RuleDescription> rules) {
    Map<String, RuleDescription> first = new HashMap<>();
    List<Problem> out = new ArrayList<>();
    for (RuleDescription r : rules) {
      RuleDescription other = first.putIfAbsent(r.id(), r);
      if (other != null && !other.file().equals(r.file())) {
        out.add(new Problem(r.file(), r.line(), "rule id " + r.id() + " is also used in " + other.file() + ":" + other.line()
            + " (a version that restates a rule says so with replaces)"));
      }
    }
    return out;
  }
}
