package se.epostpolicy.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.kie.api.runtime.KieSession;
import se.epostpolicy.EvaluationException;
import se.epostpolicy.RulePackException;
import se.epostpolicy.UnknownPackException;
import se.epostpolicy.detect.Detector;
import se.epostpolicy.detect.Detectors;
import se.epostpolicy.detect.Masking;
import se.epostpolicy.facts.Attachment;
import se.epostpolicy.facts.internal.FactExtractor;
import se.epostpolicy.facts.MailFacts;
import se.epostpolicy.facts.Marker;
import se.epostpolicy.facts.Message;
import se.epostpolicy.facts.OrganisationProfile;
import se.epostpolicy.internal.Failures;
import se.epostpolicy.mail.Email;
import se.epostpolicy.pack.PackManifest;
import se.epostpolicy.pack.PackRef;
import se.epostpolicy.pack.PackRepository;
import se.epostpolicy.pack.ResolvedPack;

/**
 * Judges mail by one version of one rule pack: extracts the facts, runs the pack's rules, applies
 * the catalogue's precedence, and returns a {@link Decision} that names every rule, verdict and
 * paragraph behind it.
 *
 * <p>The pack is compiled once, when the engine is built; a broken pack fails the build with a
 * {@link RulePackException} listing every {@code file:line} problem, and so does a pack whose
 * rules would run code of their own unless {@link Builder#allowRuleCode(boolean)} allows it. An
 * engine is immutable and thread-safe: any number of threads may evaluate at once, each evaluation
 * in a session of its own.
 *
 * <pre>{@code
 * PolicyEngine engine = PolicyEngine.load("region-varmland");
 * Decision d = engine.evaluate(new MailReader().readFile(Path.of("mail.eml")));
 * }</pre>
 *
 * @since 0.1
 */
public final class PolicyEngine {

  private static final int MAX_RULE_FIRINGS = 10_000;

  /** One version of the pack, compiled, with the profile and extractor it judges by and the masking of its vocabulary. */
  private record Version(PackManifest manifest, CompiledPack compiled, OrganisationProfile profile, FactExtractor extractor,
                         Masking masking) {}

  private final String packId;
  private final List<Version> versions;
  private final List<PackManifest> manifests;
  private final VersionSelection selection;

  private PolicyEngine(Builder b) {
    PackRef ref = PackRef.parse(b.pack);
    b.repository.manifest(ref); // fails with UnknownPackException or RulePackException, naming what exists
    this.packId = ref.id();
    List<Version> loaded = new ArrayList<>();
    for (PackManifest m : b.repository.versions(ref.id())) {
      ResolvedPack resolved = b.repository.resolve(new PackRef(m.id(), java.util.Optional.of(m.version())));
      CompiledPack compiled = CompiledPack.compile(resolved, b.allowRuleCode);
      OrganisationProfile profile = b.profile;
      if (profile == null) {
        try {
          profile = (b.settings == null ? resolved.settings() : resolved.settings().overriddenBy(b.settings)).toProfile();
        } catch (IllegalArgumentException | IllegalStateException e) {
          throw new RulePackException(m.ref(), List.of(new RulePackException.Problem(m.ref(), 0, "organisation profile: " + e.getMessage())));
        }
      }
      Detectors detectors = new Detectors(resolved.vocabulary(), b.detectors);
      loaded.add(new Version(m, compiled, profile, new FactExtractor(profile, detectors, b.clock), detectors.masking()));
    }
    this.versions = List.copyOf(loaded);
    this.manifests = versions.stream().map(Version::manifest).toList();
    this.selection = b.selection != null ? b.selection
        : ref.version().map(VersionSelection::exactly).orElse(VersionSelection.newest());
    try {
      selection.choose(manifests, null); // an unknown exact version fails now, not at the first message
    } catch (EvaluationException dateBound) {
      // a choice by date is made per message
    }
  }

  /**
   * The newest (or the given) version of a bundled pack, with its default profile.
   *
   * @param pack {@code id} or {@code id@version}
   * @throws UnknownPackException when no such pack exists
   * @throws RulePackException when it does not compile
   */
  public static PolicyEngine load(String pack) {
    return builder().pack(pack).build();
  }

  /** A builder; {@link Builder#pack(String)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The manifest of the version this engine judges by when the message's date does not matter:
   * the selected one, or the newest when each message picks its own.
   */
  public PackManifest manifest() {
    return defaultVersion().manifest();
  }

  /** Every version of the pack this engine holds, oldest first. */
  public List<PackManifest> versions() {
    return versions.stream().map(Version::manifest).toList();
  }

  /** How this engine picks a version for a message. */
  public VersionSelection selection() {
    return selection;
  }

  /** The organisation profile mail is judged against (that of the default version). */
  public OrganisationProfile profile() {
    return defaultVersion().profile();
  }

  /**
   * How text from mail must be masked before a user or a log sees it (that of the default
   * version's vocabulary): for a printer of subjects and attachment names. Markers come masked.
   *
   * @since 0.2
   */
  public Masking masking() {
    return defaultVersion().masking();
  }

  /** The ids of every rule of every version and what they include, sorted, with the review rules'. */
  public List<String> ruleIds() {
    TreeSet<String> ids = new TreeSet<>();
    for (Version v : versions) {
      v.compiled().rules().forEach(r -> ids.add(r.id()));
      ids.add(v.compiled().reviewHit().ruleId());
    }
    return List.copyOf(ids);
  }

  /** The rules of the version {@code version} judges by, its included packs' among them, by id. */
  public List<RuleDescription> rules(String version) {
    return version(version).compiled().rules();
  }

  /**
   * Compiles one resolved pack version as an engine does, without building an engine: its rules
   * by id, with the "nothing decisive fired" rule last (its place the pack's manifest, line 0).
   * For rule authors' tools, such as the linter, that check a version on its own.
   *
   * @param allowRuleCode as for {@link Builder#allowRuleCode(boolean)}
   * @throws RulePackException with every problem of the version, by file and line
   */
  public static List<RuleDescription> compile(ResolvedPack pack, boolean allowRuleCode) {
    CompiledPack compiled = CompiledPack.compile(pack, allowRuleCode);
    List<RuleDescription> rules = new ArrayList<>(compiled.rules());
    Hit review = compiled.reviewHit();
    PackManifest head = pack.chain().get(0);
    rules.add(new RuleDescription(review.ruleId(), review.ruleName(), review.citation(), review.reason(), List.of(),
        head.id() + "/" + head.version() + "/pack.yaml", 0));
    return List.copyOf(rules);
  }

  /** The "nothing decisive fired" rule of a version (BAS-08 in the base pack). */
  public Hit reviewRule(String version) {
    return version(version).compiled().reviewHit();
  }

  /**
   * The facts the rules would see for {@code email}.
   *
   * @throws EvaluationException when no version applies to the message's date
   */
  public MailFacts facts(Email email) {
    return select(Objects.requireNonNull(email, "email").date()).extractor().extract(email);
  }

  /** Evaluates {@code email} knowing nothing beyond the message. */
  public Decision evaluate(Email email) {
    return evaluate(email, EvaluationContext.UNKNOWN);
  }

  /**
   * Evaluates {@code email} with what the embedding system knows, by the version the selection
   * picks for it.
   *
   * @throws EvaluationException when no version applies to the message's date, or a rule fails
   */
  public Decision evaluate(Email email, EvaluationContext context) {
    Objects.requireNonNull(context, "context");
    Version v = select(email.date());
    try {
      return decide(v, email.source(), v.extractor().extract(email), context, email.warnings());
    } catch (EvaluationException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      // One message must not end a batch: a detector or rule that fails, overflows the stack or
      // runs out of memory on this message fails this message only.
      Failures.rethrowFatal(e);
      throw new EvaluationException(v.manifest().ref() + ": " + email.source() + " could not be evaluated ("
          + Failures.describe(e) + ")", e);
    }
  }

  /** Evaluates facts made elsewhere (for tests and for systems with their own extraction). */
  public Decision evaluate(String source, MailFacts facts, EvaluationContext context) {
    Objects.requireNonNull(facts, "facts");
    return decide(select(facts.message().date()), Objects.requireNonNull(source, "source"), facts,
        Objects.requireNonNull(context, "context"), List.of());
  }

  /** The version for work without a message date (facts, rule listings): the selection's, else the newest. */
  private Version defaultVersion() {
    try {
      return select(null);
    } catch (EvaluationException e) {
      return versions.get(versions.size() - 1);
    }
  }

  private Version version(String version) {
    return versions.stream().filter(v -> v.manifest().version().equals(version)).findFirst()
        .orElseThrow(() -> new UnknownPackException(packId + "@" + version,
            versions.stream().map(v -> v.manifest().ref()).toList()));
  }

  private Version select(Instant messageDate) {
    PackManifest chosen = selection.choose(manifests, messageDate);
    for (Version v : versions) if (v.manifest() == chosen) return v;
    throw new IllegalStateException("a selection chose a version the engine does not hold: " + chosen.ref());
  }

  private Decision decide(Version version, String source, MailFacts facts, EvaluationContext context, List<String> warnings) {
    CompiledPack compiled = version.compiled();
    String ref = version.manifest().ref();
    RuleOutcomes outcomes = new RuleOutcomes();
    KieSession session = compiled.kieBase().newKieSession();
    try {
      session.setGlobal(CompiledPack.GLOBAL, outcomes);
      Message message = facts.message();
      if (context.mailboxType() == MailboxType.AUTHORITY && message.inbound()) message = message.arrivedInAuthorityMailbox();
      session.insert(message);
      for (Attachment a : facts.attachments()) session.insert(a);
      for (Marker m : facts.markers()) session.insert(m);
      session.insert(version.profile());
      session.insert(context);
      int fired = session.fireAllRules(MAX_RULE_FIRINGS);
      if (fired >= MAX_RULE_FIRINGS) {
        throw new EvaluationException(ref + ": rules fired " + MAX_RULE_FIRINGS + " times; a rule loops", null);
      }
    } catch (EvaluationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EvaluationException(ref + ": a rule failed while evaluating " + source + " ("
          + e.getClass().getSimpleName() + ")", e);
    } finally {
      session.dispose();
    }
    List<Hit> hits = new ArrayList<>();
    for (RuleOutcomes.Fired f : outcomes.fired()) {
      RuleDescription info = compiled.rule(f.ruleName());
      hits.add(new Hit(info.id(), info.name(), f.outcome(), info.citation(), info.reason()));
    }
    Precedence.Result result = Precedence.apply(hits, compiled);
    return new Decision(source, ref, facts.message().direction(), result.verdicts(), result.notices(),
        result.hits(), facts, warnings);
  }

  /** Builds a {@link PolicyEngine}. Not thread-safe; the engine it builds is. */
  public static final class Builder {
    private PackRepository repository;
    private String pack;
    private OrganisationProfile profile;
    private OrganisationProfile.Settings settings;
    private VersionSelection selection;
    private final List<Detector> detectors = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private boolean allowRuleCode;

    private Builder() {}

    /** Where packs come from; the classpath's {@code packs/} when not set. */
    public Builder repository(PackRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Which pack: {@code id} or {@code id@version}. Every version of the pack is loaded; a named
     * version is the one used unless {@link #selection(VersionSelection)} says otherwise. Required.
     */
    public Builder pack(String pack) {
      this.pack = Objects.requireNonNull(pack, "pack");
      return this;
    }

    /** Replaces the pack's default organisation profile whole, for every version. */
    public Builder profile(OrganisationProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * Overrides some of each version's default profile settings (those set in {@code settings});
     * see {@link OrganisationProfile.Settings#read(java.nio.file.Path)}.
     */
    public Builder profileSettings(OrganisationProfile.Settings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * How a version is picked for each message; by default the version {@link #pack(String)} names,
     * or the newest.
     */
    public Builder selection(VersionSelection selection) {
      this.selection = Objects.requireNonNull(selection, "selection");
      return this;
    }

    /** Adds a detector run after the pack's own. */
    public Builder detector(Detector detector) {
      detectors.add(Objects.requireNonNull(detector, "detector"));
      return this;
    }

    /** Where "today" comes from for mail without a Date header; the system clock when not set. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Whether the pack's rules may run Java code of their own; {@code false} unless set. A pack is
     * data when its rules only compare facts and record outcomes ({@code decide.to(drools, …)}); one
     * that calls other methods, creates objects, declares functions or types, or holds metadata
     * that is an expression (which Drools runs while it compiles) is refused with a
     * {@link RulePackException} naming each such place by {@code file:line}, before anything of it
     * runs. Allow code only for packs whose authors you trust as you trust the application itself:
     * such code runs with all of its rights (files, network, {@code System.exit}). The check applies
     * to every repository, the class path's too; the bundled packs pass it.
     */
    public Builder allowRuleCode(boolean allowRuleCode) {
      this.allowRuleCode = allowRuleCode;
      return this;
    }

    /**
     * Resolves and compiles the pack.
     *
     * @throws UnknownPackException when no such pack or version exists
     * @throws RulePackException when the pack is broken, or its rules run code and that is not allowed
     */
    public PolicyEngine build() {
      if (pack == null) throw new IllegalStateException("pack(...) is required");
      if (repository == null) repository = PackRepository.classpath();
      return new PolicyEngine(this);
    }
  }
}
