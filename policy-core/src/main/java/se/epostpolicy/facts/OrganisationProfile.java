package se.epostpolicy.facts;

import java.util.LinkedHashSet;
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

  /** A builder holding this profile's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .internalDomains(internalDomains).authorityMailbox(authorityMailbox)
        .privateProviders(privateProviders).massMailingThreshold(massMailingThreshold)
        .bccThreshold(bccThreshold).requiredSignatureText(requiredSignatureText);
  }

  /** An empty builder; {@link Builder#build()} needs at least the internal domains. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OrganisationProfile}. Not thread-safe. */
  public static final class Builder {
    private Set<String> internalDomains;
    private String authorityMailbox = "";
    private Set<String> privateProviders = Set.of();
    private int massMailingThreshold = 50;
    private int bccThreshold = 10;
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
      return new OrganisationProfile(internalDomains, authorityMailbox, privateProviders,
          massMailingThreshold, bccThreshold, requiredSignatureText);
    }
  }
}
