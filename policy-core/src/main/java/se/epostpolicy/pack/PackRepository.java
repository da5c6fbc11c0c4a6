package se.epostpolicy.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import se.epostpolicy.RulePackException;
import se.epostpolicy.RulePackException.Problem;
import se.epostpolicy.UnknownPackException;
import se.epostpolicy.detect.Vocabulary;
import se.epostpolicy.facts.OrganisationProfile;

/**
 * Where rule packs come from: the classpath ({@code packs/} in any jar or folder on it) or a
 * folder on disk. A pack is a folder {@code <id>/<version>/} holding {@code pack.yaml}, its rule
 * files ({@code .drl}, {@code .dsl}, {@code .dslr}) and optionally {@code markers.yaml}; adding
 * one needs no code. Files are read once, as UTF-8, when the repository is made.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class PackRepository {

  static final String MANIFEST = "pack.yaml";
  static final String VOCABULARY = "markers.yaml";
  static final String UNDATED = "undated";
  private static final ObjectMapper YAML = se.epostpolicy.internal.YamlValues.YAML;

  /** One pack version as stored: its manifest (or the problems reading it) and its files. */
  private record Stored(String folder, PackManifest manifest, List<Problem> problems, List<PackFile> files) {}

  private final String origin;
  private final Map<String, Stored> byFolder;

  private PackRepository(String origin, Map<String, Stored> byFolder) {
    this.origin = origin;
    this.byFolder = Map.copyOf(byFolder);
  }

  /** The packs under {@code packs/} on this class's class loader (the bundled {@code policy-rules}). */
  public static PackRepository classpath() {
    return classpath(PackRepository.class.getClassLoader());
  }

  /** The packs under {@code packs/} on {@code loader}. */
  public static PackRepository classpath(ClassLoader loader) {
    Map<String, Stored> packs = new TreeMap<>();
    try {
      Enumeration<URL> roots = loader.getResources("packs");
      while (roots.hasMoreElements()) {
        URI uri = roots.nextElement().toURI();
        if ("jar".equals(uri.getScheme())) {
          FileSystem fs;
          boolean owned;
          try {
            fs = FileSystems.newFileSystem(uri, Map.of());
            owned = true;
          } catch (FileSystemAlreadyExistsException e) {
            fs = FileSystems.getFileSystem(uri); // opened by someone else: theirs to close
            owned = false;
          }
          try {
            String inner = uri.getSchemeSpecificPart();
            scan(fs.getPath(inner.substring(inner.indexOf('!') + 1)), packs);
          } finally {
            if (owned) fs.close();
          }
        } else {
          scan(Paths.get(uri), packs);
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new RulePackException("classpath:packs", List.of(new Problem("packs", 0, "cannot list packs: " + e)));
    }
    return new PackRepository("classpath:packs", packs);
  }

  /** The packs in {@code folder} ({@code folder/<id>/<version>/pack.yaml}). */
  public static PackRepository directory(Path folder) {
    Objects.requireNonNull(folder, "folder");
    if (!Files.isDirectory(folder)) {
      throw new RulePackException(folder.toString(), List.of(new Problem(folder.toString(), 0, "not a folder")));
    }
    Map<String, Stored> packs = new TreeMap<>();
    try {
      scan(folder, packs);
    } catch (IOException e) {
      throw new RulePackException(folder.toString(), List.of(new Problem(folder.toString(), 0, "cannot read: " + e)));
    }
    return new PackRepository(folder.toString(), packs);
  }

  private static void scan(Path root, Map<String, Stored> packs) throws IOException {
    if (!Files.isDirectory(root)) return;
    List<Path> manifests;
    try (Stream<Path> s = Files.walk(root, 3)) {
      manifests = s.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(MANIFEST)).sorted().toList();
    }
    for (Path manifest : manifests) {
      Path versionDir = manifest.getParent();
      if (versionDir.getParent() == null || root.relativize(versionDir).getNameCount() != 2) continue;
      String folder = root.relativize(versionDir).toString().replace('\\', '/');
      if (packs.containsKey(folder)) continue; // first on the classpath wins
      List<PackFile> files = new ArrayList<>();
      try (Stream<Path> s = Files.list(versionDir)) {
        for (Path f : s.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
          files.add(new PackFile(folder + "/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8)));
        }
      }
      packs.put(folder, read(folder, files));
    }
    // Rule files outside every pack version folder would be silently ignored: a folder that
    // holds rules but no manifest reads as "0 packs, 0 problems" otherwise.
    List<Path> rules;
    try (Stream<Path> s = Files.walk(root, 4)) {
      rules = s.filter(Files::isRegularFile).filter(p -> RULE_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
    }
    for (Path f : rules) {
      Path dir = f.getParent();
      String folder = root.relativize(dir).toString().replace('\\', '/');
      if (root.relativize(dir).getNameCount() == 2 && packs.containsKey(folder)) continue;
      String file = root.relativize(f).toString().replace('\\', '/');
      packs.put("\u0000" + file, new Stored(file, null, List.of(new Problem(file, 0, "not part of any pack: a pack version "
          + "is a folder <id>/<version>/ with a " + MANIFEST + " beside its rule files")), List.of()));
    }
  }

  private static final java.util.regex.Pattern RULE_FILE = java.util.regex.Pattern.compile("(?i).+\\.(drl|dsl|dslr)");

  private static Stored read(String folder, List<PackFile> files) {
    List<Problem> problems = new ArrayList<>();
    String file = folder + "/" + MANIFEST;
    PackFile manifestFile = files.stream().filter(f -> f.path().equals(file)).findFirst().orElseThrow();
    PackManifest manifest = ManifestYaml.parse(manifestFile.content(), file, folder, problems);
    return new Stored(folder, manifest, problems, files);
  }

  /** Where this repository reads from ({@code classpath:packs} or a folder). */
  public String origin() {
    return origin;
  }

  /**
   * What is wrong with the manifests and vocabularies as stored, before anything is compiled:
   * missing fields, unreadable YAML, a folder that does not match its id and version.
   */
  public List<Problem> problems() {
    return byFolder.values().stream().flatMap(s -> s.problems.stream()).toList();
  }

  /** Every rule, DSL and vocabulary file of every pack version, as read. */
  public List<PackFile> files() {
    return byFolder.values().stream().flatMap(s -> s.files.stream()).toList();
  }

  /** Every readable pack version's manifest, by id, then in-force date. */
  public List<PackManifest> manifests() {
    return byFolder.values().stream().map(Stored::manifest).filter(Objects::nonNull)
        .sorted(Comparator.comparing(PackManifest::id).thenComparing(PackRepository::order))
        .toList();
  }

  /** The manifest {@code ref} selects: the given version, or the newest by in-force date. */
  public PackManifest manifest(PackRef ref) {
    Stored s = stored(ref);
    if (s.manifest == null || !s.problems.isEmpty()) throw new RulePackException(s.folder.replace('/', '@'), s.problems);
    return s.manifest;
  }

  private Stored stored(PackRef ref) {
    if (ref.version().isPresent()) {
      Stored s = byFolder.get(ref.id() + "/" + ref.version().get());
      if (s == null) throw new UnknownPackException(ref.toString(), available());
      return s;
    }
    return byFolder.values().stream()
        .filter(s -> s.folder.startsWith(ref.id() + "/"))
        .filter(s -> s.manifest != null)
        .max(Comparator.comparing(s -> order(s.manifest)))
        .orElseThrow(() -> new UnknownPackException(ref.toString(), available()));
  }

  private static String order(PackManifest m) {
    return (m.inForce() == null ? "0000-00-00" : m.inForce().toString()) + "|" + m.version();
  }

  /** Every version of pack {@code id}, oldest in-force date first; empty when there is none. */
  public List<PackManifest> versions(String id) {
    return manifests().stream().filter(m -> m.id().equals(id)).toList();
  }

  private List<String> available() {
    return byFolder.keySet().stream().filter(f -> !f.startsWith("\u0000")).map(f -> f.replace('/', '@')).sorted().toList();
  }

  /**
   * Resolves {@code ref} with everything it includes into one compilable whole.
   *
   * @throws UnknownPackException when no such pack or version exists
   * @throws RulePackException when a manifest or vocabulary in the chain is broken
   */
  public ResolvedPack resolve(PackRef ref) {
    List<Problem> problems = new ArrayList<>();
    ResolvedPack pack = resolve(ref, problems);
    if (!problems.isEmpty()) throw new RulePackException(pack.manifest().ref(), problems);
    return pack;
  }

  /**
   * Resolves {@code ref} as far as it can, adding every problem to {@code problems} instead of
   * stopping at the first (for lint): a broken vocabulary is left out and a broken profile replaced
   * by a placeholder, so the rules still compile and show their own problems.
   *
   * @throws UnknownPackException when no such pack or version exists
   * @throws RulePackException when the chain itself cannot be read (a manifest that is not YAML)
   */
  public ResolvedPack resolve(PackRef ref, List<Problem> problems) {
    List<Stored> chain = new ArrayList<>();
    collect(stored(ref), chain, new HashSet<>(), problems);
    PackManifest top = chain.get(chain.size() - 1).manifest;
    String name = top != null ? top.ref() : ref.toString();
    if (chain.stream().anyMatch(s -> s.manifest == null)) throw new RulePackException(name, problems);
    if (top.abstractPack()) {
      throw new RulePackException(name, List.of(new Problem(top.id() + "/" + top.version() + "/" + MANIFEST, 0,
          "an abstract pack is only included by others; load a pack that includes it")));
    }
    OrganisationProfile.Settings settings = OrganisationProfile.Settings.NONE;
    Vocabulary vocabulary = Vocabulary.empty();
    PackManifest.ReviewRule review = null;
    List<PackFile> rules = new ArrayList<>();
    for (Stored s : chain) {
      settings = settings.overriddenBy(s.manifest.profile());
      if (s.manifest.review() != null) review = s.manifest.review();
      for (PackFile f : s.files) {
        switch (f.extension()) {
          case "drl", "dsl", "dslr" -> rules.add(f);
          default -> {
            if (f.path().endsWith("/" + VOCABULARY)) vocabulary = vocabulary.extendedBy(vocabulary(f, problems));
          }
        }
      }
    }
    try {
      settings.toProfile(); // incomplete or wrong settings are a problem of the pack, found here
    } catch (IllegalArgumentException | IllegalStateException e) {
      problems.add(new Problem(top.id() + "/" + top.version() + "/" + MANIFEST, 0, "profile: " + e.getMessage()));
    }
    List<PackManifest> manifests = chain.stream().map(Stored::manifest).toList();
    return new ResolvedPack(top, manifests, rules, settings, vocabulary, review);
  }

  private void collect(Stored s, List<Stored> chain, Set<String> seen, List<Problem> problems) {
    if (!seen.add(s.folder)) {
      problems.add(new Problem(s.folder + "/" + MANIFEST, 0, "includes itself through " + s.folder));
      return;
    }
    problems.addAll(s.problems);
    if (s.manifest == null) {
      chain.add(s);
      return;
    }
    for (String include : s.manifest.includes()) {
      try {
        collect(stored(PackRef.parse(include)), chain, seen, problems);
      } catch (UnknownPackException e) {
        problems.add(new Problem(s.folder + "/" + MANIFEST, 0, "includes unknown pack " + include));
      }
    }
    if (chain.stream().noneMatch(c -> c.folder.equals(s.folder))) chain.add(s);
  }

  private static Vocabulary vocabulary(PackFile f, List<Problem> problems) {
    try {
      JsonNode n = YAML.readTree(f.content());
      return Vocabulary.fromYaml(n, p -> problems.add(new Problem(f.path(), 0, p)));
    } catch (IOException e) {
      problems.add(new Problem(f.path(), ManifestYaml.line(e), "not valid YAML: " + ManifestYaml.firstLine(e.getMessage())));
      return Vocabulary.empty();
    }
  }
}
