package se.epostpolicy.engine;

import java.time.Clock;
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
import se.epostpolicy.facts.Attachment;
import se.epostpolicy.facts.FactExtractor;
import se.epostpolicy.facts.MailFacts;
import se.epostpolicy.facts.Marker;
import se.epostpolicy.facts.OrganisationProfile;
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
 * {@link RulePackException} listing every {@code file:line} problem. An engine is immutable and
 * thread-safe: any number of threads may evaluate at once, each evaluation in a session of its own.
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

  private final CompiledPack compiled;
  private final OrganisationProfile profile;
  private final FactExtractor extractor;

  private PolicyEngine(Builder b) {
    ResolvedPack resolved = b.repository.resolve(PackRef.parse(b.pack));
    this.compiled = CompiledPack.compile(resolved);
    this.profile = b.profile != null ? b.profile : resolved.profile();
    Detectors detectors = new Detectors(resolved.vocabulary(), b.detectors);
    this.extractor = new FactExtractor(profile, detectors, b.clock);
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

  /** The manifest of the pack version this engine runs. */
  public PackManifest pack() {
    return compiled.pack().manifest();
  }

  /** The organisation profile mail is judged against. */
  public OrganisationProfile profile() {
    return profile;
  }

  /** The ids of every rule in the pack and what it includes, sorted, with the review rule's. */
  public List<String> ruleIds() {
    TreeSet<String> ids = new TreeSet<>();
    compiled.rules().forEach(r -> ids.add(r.id()));
    ids.add(compiled.reviewHit().ruleId());
    return List.copyOf(ids);
  }

  /** The facts the rules would see for {@code email}. */
  public MailFacts facts(Email email) {
    return extractor.extract(Objects.requireNonNull(email, "email"));
  }

  /** Evaluates {@code email} knowing nothing beyond the message. */
  public Decision evaluate(Email email) {
    return evaluate(email, EvaluationContext.UNKNOWN);
  }

  /**
   * Evaluates {@code email} with what the embedding system knows.
   *
   * @throws EvaluationException when a rule fails at run time
   */
  public Decision evaluate(Email email, EvaluationContext context) {
    Objects.requireNonNull(context, "context");
    return decide(email.source(), facts(email), context, email.warnings());
  }

  /** Evaluates facts made elsewhere (for tests and for systems with their own extraction). */
  public Decision evaluate(String source, MailFacts facts, EvaluationContext context) {
    return decide(Objects.requireNonNull(source, "source"), Objects.requireNonNull(facts, "facts"),
        Objects.requireNonNull(context, "context"), List.of());
  }

  private Decision decide(String source, MailFacts facts, EvaluationContext context, List<String> warnings) {
    RuleOutcomes outcomes = new RuleOutcomes();
    KieSession session = compiled.kieBase().newKieSession();
    try {
      session.setGlobal(CompiledPack.GLOBAL, outcomes);
      session.insert(facts.message());
      for (Attachment a : facts.attachments()) session.insert(a);
      for (Marker m : facts.markers()) session.insert(m);
      session.insert(profile);
      session.insert(context);
      int fired = session.fireAllRules(MAX_RULE_FIRINGS);
      if (fired >= MAX_RULE_FIRINGS) {
        throw new EvaluationException(pack().ref() + ": rules fired " + MAX_RULE_FIRINGS + " times; a rule loops", null);
      }
    } catch (EvaluationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EvaluationException(pack().ref() + ": a rule failed while evaluating " + source + " ("
          + e.getClass().getSimpleName() + ")", e);
    } finally {
      session.dispose();
    }
    List<Hit> hits = new ArrayList<>();
    for (RuleOutcomes.Fired f : outcomes.fired()) {
      CompiledPack.RuleInfo info = compiled.rule(f.ruleName());
      hits.add(new Hit(info.id(), info.name(), f.outcome(), info.citation(), info.reason(), false, ""));
    }
    Precedence.Result result = Precedence.apply(hits, compiled);
    return new Decision(source, pack().ref(), facts.message().direction(), result.verdicts(), result.notices(),
        result.hits(), facts, warnings);
  }

  /** Builds a {@link PolicyEngine}. Not thread-safe; the engine it builds is. */
  public static final class Builder {
    private PackRepository repository;
    private String pack;
    private OrganisationProfile profile;
    private final List<Detector> detectors = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Where packs come from; the classpath's {@code packs/} when not set. */
    public Builder repository(PackRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /** Which pack: {@code id} for the newest version, or {@code id@version}. Required. */
    public Builder pack(String pack) {
      this.pack = Objects.requireNonNull(pack, "pack");
      return this;
    }

    /** Replaces the pack's default organisation profile. */
    public Builder profile(OrganisationProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
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
     * Resolves and compiles the pack.
     *
     * @throws UnknownPackException when no such pack or version exists
     * @throws RulePackException when the pack is broken
     */
    public PolicyEngine build() {
      if (pack == null) throw new IllegalStateException("pack(...) is required");
      if (repository == null) repository = PackRepository.classpath();
      return new PolicyEngine(this);
    }
  }
}
