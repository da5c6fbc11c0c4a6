package se.epostpolicy.facts;

import java.util.LinkedHashSet;
import se.epostpolicy.internal.YamlValues;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a pack needs to know about the organisation whose mail it judges: which domains are its
 * own, its authority mailbox (<em>myndighetsbrevlåda</em>), which providers are private, and the
 * thresholds the policy documents leave open. Each pack ships a default; an embedding system may
 * override it with {@link #toBuilder()}.
 *
 * @param internalDomains the organisation's own mail domains; a subdomain counts as internal
 * @param authorityMailbox the official mailbox address, or an empty string when there is none
 * @param privateProviders domains of private mail providers
 * @param massMailingThreshold recipients (To + Cc + Bcc) from which a mail is a mass mailing
 * @param bccThreshold recipients in To + Cc above which they should have been put in Bcc
 * @param requiredSignatureText text every outgoing mail's signature must hold, or an empty string
 * @since 0.1
 */
public record OrganisationProfile(Set<String> internalDomains, String authorityMailbox,
                                  Set<String> privateProviders, int massMailingThreshold,
                                  int bccThreshold, String requiredSignatureText) {

  public OrganisationProfile {
    internalDomains = lower(internalDomains, "internalDomains");
    privateProviders = lower(privateProviders, "privateProviders");
    authorityMailbox = authorityMailbox == null ? "" : authorityMailbox.trim().toLowerCase(Locale.ROOT);
    requiredSignatureText = requiredSignatureText == null ? "" : requiredSignatureText;
    if (massMailingThreshold < 1) throw new IllegalArgumentException("massMailingThreshold must be >= 1");
    if (bccThreshold < 1) throw new IllegalArgumentException("bccThreshold must be >= 1");
  }

  private static Set<String> lower(Set<String> domains, String name) {
    Objects.requireNonNull(domains, name);
    Set<String> out = new LinkedHashSet<>();
    for (String d : domains) out.add(d.trim().toLowerCase(Locale.ROOT));
    return Set.copyOf(out);
  }

  /** True when {@code domain} is one of the organisation's domains or a subdomain of one. */
  public boolean isInternal(String domain) {
    return matches(internalDomains, domain);
  }

  /** True when {@code domain} belongs to a private mail provider. */
  public boolean isPrivateProvider(String domain) {
    return matches(privateProviders, domain);
  }

  private static boolean matches(Set<String> domains, String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    if (domains.contains(d)) return true;
    for (String own : domains) {
      if (d.endsWith("." + own)) return true;
    }
    return false;
  }

  /**
   * Some of a profile's values, as a pack manifest's {@code profile:} or an organisation's own file
   * sets them. Settings merge down a pack's include chain (the including pack's values win) and then
   * under an embedding system's own; the result must set every value, and the base pack is where
   * the defaults live (the thresholds, the private providers). A value not set is {@code null}.
   *
   * @param internalDomains the organisation's mail domains
   * @param authorityMailbox the authority mailbox
   * @param privateProviders private mail provider domains
   * @param massMailingThreshold recipients from which a mail is a mass mailing
   * @param bccThreshold recipients in To + Cc above which Bcc should be used
   * @param requiredSignatureText text an outgoing signature must hold
   * @since 0.3
   */
  public record Settings(List<String> internalDomains, String authorityMailbox, List<String> privateProviders,
                         Integer massMailingThreshold, Integer bccThreshold, String requiredSignatureText) {

    /** No value set. */
    public static final Settings NONE = new Settings(null, null, null, null, null, null);

    /** The keys a profile mapping may hold, in YAML as in this record. */
    public static final List<String> KEYS = List.of("internalDomains", "authorityMailbox", "privateProviders",
        "massMailingThreshold", "bccThreshold", "requiredSignatureText");

    public Settings {
      internalDomains = internalDomains == null ? null : List.copyOf(internalDomains);
      privateProviders = privateProviders == null ? null : List.copyOf(privateProviders);
    }

    /**
     * Settings from a YAML mapping read into plain values (strings, numbers, lists). A key that is
     * not a profile value, or a value of the wrong kind, is a problem: a misspelt setting must not
     * pass silently.
     *
     * @param problems receives what is wrong, one sentence each; the settings hold what could be read
     */
    public static Settings of(java.util.Map<String, ?> values, List<String> problems) {
      for (String key : values.keySet()) {
        if (!KEYS.contains(key)) problems.add("unknown profile setting '" + key + "' (known: " + KEYS + ")");
      }
      return new Settings(strings(values, "internalDomains", problems), text(values, "authorityMailbox", problems),
          strings(values, "privateProviders", problems), number(values, "massMailingThreshold", problems),
          number(values, "bccThreshold", problems), text(values, "requiredSignatureText", problems));
    }

    /**
     * Reads an organisation's own settings from a YAML file: a mapping of the {@link #KEYS}, at
     * its top or under {@code profile:} ({@code policy-check --org FILE}).
     *
     * @throws se.epostpolicy.RulePackException naming the file and each problem
     */
    public static Settings read(java.nio.file.Path file) {
      String name = file.toString();
      try {
        com.fasterxml.jackson.databind.JsonNode n = YamlValues.YAML.readTree(java.nio.file.Files.readString(file));
        com.fasterxml.jackson.databind.JsonNode p = n != null && n.has("profile") ? n.get("profile") : n;
        if (p == null || !p.isObject()) throw failure(name, 1, "not a YAML mapping of profile settings");
        List<String> problems = new java.util.ArrayList<>();
        Settings settings = of(YamlValues.map(p), problems);
        if (!problems.isEmpty()) {
          throw new se.epostpolicy.RulePackException(name,
              problems.stream().map(m -> new se.epostpolicy.RulePackException.Problem(name, 0, m)).toList());
        }
        return settings;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw failure(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "not valid YAML");
      } catch (java.io.IOException e) {
        throw failure(name, 0, "cannot read (" + e.getClass().getSimpleName() + ")");
      }
    }

    private static se.epostpolicy.RulePackException failure(String file, int line, String message) {
      return new se.epostpolicy.RulePackException(file, List.of(new se.epostpolicy.RulePackException.Problem(file, line, message)));
    }


    private static List<String> strings(java.util.Map<String, ?> values, String key, List<String> problems) {
      Object v = values.get(key);
      if (v == null) return null;
      if (v instanceof List<?> list) return list.stream().map(String::valueOf).toList();
      if (v instanceof String one) return List.of(one);
      problems.add(key + " must be a list of domains");
      return null;
    }

    private static String text(java.util.Map<String, ?> values, String key, List<String> problems) {
      Object v = values.get(key);
      if (v == null) return values.containsKey(key) ? "" : null;
      if (v instanceof String || v instanceof Number || v instanceof Boolean) return String.valueOf(v);
      problems.add(key + " must be text");
      return null;
    }

    private static Integer number(java.util.Map<String, ?> values, String key, List<String> problems) {
      Object v = values.get(key);
      if (v == null) return null;
      if (v instanceof Number n) return n.intValue();
      try {
        return Integer.parseInt(String.valueOf(v).trim());
      } catch (NumberFormatException e) {
        problems.add(key + " must be a whole number");
        return null;
      }
    }

    /** These settings with {@code over}'s set values taking their place. */
    public Settings overriddenBy(Settings over) {
      return new Settings(
          over.internalDomains != null ? over.internalDomains : internalDomains,
          over.authorityMailbox != null ? over.authorityMailbox : authorityMailbox,
          over.privateProviders != null ? over.privateProviders : privateProviders,
          over.massMailingThreshold != null ? over.massMailingThreshold : massMailingThreshold,
          over.bccThreshold != null ? over.bccThreshold : bccThreshold,
          over.requiredSignatureText != null ? over.requiredSignatureText : requiredSignatureText);
    }

    /**
     * The complete profile these settings describe.
     *
     * @throws IllegalStateException naming every value not set (no internal domain; a threshold
     *     that no pack in the chain, the base pack included, gives)
     * @throws IllegalArgumentException when a threshold is below 1
     */
    public OrganisationProfile toProfile() {
      List<String> missing = new java.util.ArrayList<>();
      if (internalDomains == null || internalDomains.isEmpty()) missing.add("internalDomains");
      if (massMailingThreshold == null) missing.add("massMailingThreshold");
      if (bccThreshold == null) missing.add("bccThreshold");
      if (!missing.isEmpty()) {
        throw new IllegalStateException("not set: " + String.join(", ", missing)
            + (missing.contains("internalDomains") && missing.size() == 1 ? ""
                : " (the base pack, base@1, sets the thresholds: include it, or set them in this profile)"));
      }
      return new OrganisationProfile(new LinkedHashSet<>(internalDomains), authorityMailbox,
          privateProviders == null ? Set.of() : new LinkedHashSet<>(privateProviders), massMailingThreshold, bccThreshold,
          requiredSignatureText);
    }
  }

  /** A builder holding this profile's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .internalDomains(internalDomains).authorityMailbox(authorityMailbox)
        .privateProviders(privateProviders).massMailingThreshold(massMailingThreshold)
        .bccThreshold(bccThreshold).requiredSignatureText(requiredSignatureText);
  }

  /**
   * An empty builder; {@link Builder#build()} needs the internal domains and both thresholds. To
   * change a pack's profile, start from it instead: {@code engine.profile().toBuilder()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OrganisationProfile}. Not thread-safe. */
  public static final class Builder {
    private Set<String> internalDomains;
    private String authorityMailbox = "";
    private Set<String> privateProviders = Set.of();
    private Integer massMailingThreshold;
    private Integer bccThreshold;
    private String requiredSignatureText = "";

    private Builder() {}

    public Builder internalDomains(Set<String> v) { internalDomains = Set.copyOf(v); return this; }
    public Builder authorityMailbox(String v) { authorityMailbox = v; return this; }
    public Builder privateProviders(Set<String> v) { privateProviders = Set.copyOf(v); return this; }
    public Builder massMailingThreshold(int v) { massMailingThreshold = v; return this; }
    public Builder bccThreshold(int v) { bccThreshold = v; return this; }
    public Builder requiredSignatureText(String v) { requiredSignatureText = v; return this; }

    public OrganisationProfile build() {
      if (internalDomains == null || internalDomains.isEmpty()) {
        throw new IllegalStateException("an organisation profile needs at least one internal domain");
      }
      if (massMailingThreshold == null || bccThreshold == null) {
        throw new IllegalStateException("an organisation profile needs both thresholds (the base pack's are in engine.profile())");
      }
      return new OrganisationProfile(internalDomains, authorityMailbox, privateProviders,
          massMailingThreshold, bccThreshold, requiredSignatureText);
    }
  }
}
