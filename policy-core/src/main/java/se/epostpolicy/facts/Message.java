package se.epostpolicy.facts;

import java.util.Objects;

/**
 * The facts of one message that rules test: plain fields and precomputed sets, so rule conditions
 * never iterate lists. Made by the fact extractor; attachments and markers are inserted beside it
 * as facts of their own.
 *
 * @param direction which way the message goes, from the organisation's view
 * @param sender the sender: the forwarding mailbox for automatic forwards, else From
 * @param senderInternal the sender's domain is the organisation's
 * @param senderPrivateProvider the sender's domain is a private mail provider
 * @param senderAuthorityMailbox the sender is the authority mailbox itself
 * @param recipients every recipient in To, Cc and Bcc (Resent-* for automatic forwards)
 * @param toCount recipients in To
 * @param ccCount recipients in Cc
 * @param bccCount recipients in Bcc
 * @param recipientCount recipients in To + Cc + Bcc
 * @param externalRecipientCount external recipients
 * @param privateProviderRecipientCount recipients at private mail providers
 * @param toAuthorityMailbox the authority mailbox is among the recipients
 * @param reply a manual reply (Re:, SV:, AW:)
 * @param forward a manual forward (Fwd:, Fw:, VB:, VS:, WG:)
 * @param autoForward an automatic forward (Auto-Submitted: auto-forwarded, inbox rule headers, Resent-*)
 * @param autoReply an automatic reply (Auto-Submitted: auto-replied, X-Autoreply, Autosvar:, Out of Office)
 * @param returnDateGiven an automatic reply that says when the sender is back
 * @param alternativeContactGiven an automatic reply that names someone else to contact (an address, a number or a name)
 * @param bulk bulk, newsletter or list mail (List-Id, List-Unsubscribe, Precedence: bulk|list)
 * @param deliveryReport a delivery status report (multipart/report delivery-status, mailer-daemon, postmaster)
 * @param readReport a read receipt (multipart/report disposition-notification, Läst:/Read:)
 * @param scanToMail sent by a multifunction printer's scan-to-mail
 * @param encryption how the message as a whole is protected
 * @param authenticationFailed Authentication-Results reports spf, dkim or dmarc failure
 * @param displayNameSpoofing an external sender whose display name shows an internal address
 * @param deceptiveLink a link whose shown text names another domain than the one it leads to
 * @param riskyAttachment some attachment is executable, macro-bearing, has a double extension or hides a program
 * @param attachmentCount attachments, those of attached messages included
 * @param inlineImages images embedded inline in the body
 * @param backgroundImage the HTML body sets a background image
 * @param requiredSignaturePresent the body holds the profile's required signature text (true when none is required)
 * @param sizeBytes the raw message size in bytes
 * @param date the Date header, or null when absent or unreadable
 * @param markers every marker type found anywhere in the message
 * @param exposedMarkers marker types readable in transit: in the subject, an unencrypted body or an unencrypted attachment
 * @param contentNotRead some part was not read in full: cut at a limit, damaged, not opened or mislabelled (BAS-09)
 * @since 0.1
 */
public record Message(
    Direction direction,
    Address sender,
    boolean senderInternal,
    boolean senderPrivateProvider,
    boolean senderAuthorityMailbox,
    java.util.List<Recipient> recipients,
    int toCount,
    int ccCount,
    int bccCount,
    int recipientCount,
    int externalRecipientCount,
    int privateProviderRecipientCount,
    boolean toAuthorityMailbox,
    boolean reply,
    boolean forward,
    boolean autoForward,
    boolean autoReply,
    boolean returnDateGiven,
    boolean alternativeContactGiven,
    boolean bulk,
    boolean deliveryReport,
    boolean readReport,
    boolean scanToMail,
    Encryption encryption,
    boolean authenticationFailed,
    boolean displayNameSpoofing,
    boolean deceptiveLink,
    boolean riskyAttachment,
    int attachmentCount,
    int inlineImages,
    boolean backgroundImage,
    boolean requiredSignaturePresent,
    long sizeBytes,
    java.time.Instant date,
    java.util.Set<MarkerType> markers,
    java.util.Set<MarkerType> exposedMarkers,
    boolean contentNotRead) {

  public Message {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(encryption, "encryption");
    recipients = java.util.List.copyOf(recipients);
    markers = markers.isEmpty() ? java.util.Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(markers));
    exposedMarkers = exposedMarkers.isEmpty() ? java.util.Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(exposedMarkers));
  }

  /**
   * Of "tillfällig eller ringa betydelse" (catalogue reading 4): a mass mailing or newsletter, a
   * delivery or read receipt, an automatic reply. Such mail is not registered; what is inbound or
   * an automatic reply may be deleted (BAS-02).
   */
  public boolean minorImportance() {
    return bulk || deliveryReport || readReport || autoReply;
  }

  /**
   * Sensitive content as catalogue reading 1 lists it, anywhere in the message: patient or health
   * data, sensitive personal data, a social-care client, a confidentiality marking, a personal
   * assessment.
   */
  public boolean sensitiveContent() {
    for (MarkerType t : SENSITIVE) if (markers.contains(t)) return true;
    return false;
  }

  private static final java.util.Set<MarkerType> SENSITIVE = java.util.EnumSet.of(MarkerType.PATIENT_DATA,
      MarkerType.HEALTH_DATA, MarkerType.SENSITIVE_PERSONAL_DATA, MarkerType.SOCIAL_CARE_CLIENT,
      MarkerType.CONFIDENTIALITY_MARKING, MarkerType.PERSONAL_ASSESSMENT);

  /**
   * A printer's scan sent to one internal address and no other: the user's own mailbox
   * (catalogue reading 2), where a scan may go and nowhere else.
   */
  public boolean scannedToOwnMailbox() {
    return scanToMail && recipientCount == 1 && externalRecipientCount == 0;
  }

  /** True when the message leaves the organisation. */
  public boolean outbound() {
    return direction == Direction.OUTBOUND;
  }

  /** True when the message comes from outside. */
  public boolean inbound() {
    return direction == Direction.INBOUND;
  }

  /** True when sender and every recipient are internal. */
  public boolean internal() {
    return direction == Direction.INTERNAL;
  }

  /**
   * This message as one that arrived in the authority mailbox: the embedding system says the
   * mailbox it was found in is the authority's (catalogue BAS-01, DIA-03, HUD-03; reading 24).
   */
  public Message arrivedInAuthorityMailbox() {
    return new Message(direction, sender, senderInternal, senderPrivateProvider, senderAuthorityMailbox, recipients, toCount, ccCount, bccCount, recipientCount, externalRecipientCount, privateProviderRecipientCount, true, reply, forward, autoForward, autoReply, returnDateGiven, alternativeContactGiven, bulk, deliveryReport, readReport, scanToMail, encryption, authenticationFailed, displayNameSpoofing, deceptiveLink, riskyAttachment, attachmentCount, inlineImages, backgroundImage, requiredSignaturePresent, sizeBytes, date, markers, exposedMarkers, contentNotRead);
  }

  /** True when the body is unreadable in transit (S/MIME or PGP encrypted). */
  public boolean encrypted() {
    return encryption.protectsBody();
  }

  /** A builder for the extractor and for tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Message}; every field not set keeps its empty value. Not thread-safe. */
  public static final class Builder {
    private Direction direction;
    private Address sender;
    private boolean senderInternal;
    private boolean senderPrivateProvider;
    private boolean senderAuthorityMailbox;
    private java.util.List<Recipient> recipients = java.util.List.of();
    private int toCount;
    private int ccCount;
    private int bccCount;
    private int recipientCount;
    private int externalRecipientCount;
    private int privateProviderRecipientCount;
    private boolean toAuthorityMailbox;
    private boolean reply;
    private boolean forward;
    private boolean autoForward;
    private boolean autoReply;
    private boolean returnDateGiven;
    private boolean alternativeContactGiven;
    private boolean bulk;
    private boolean deliveryReport;
    private boolean readReport;
    private boolean scanToMail;
    private Encryption encryption;
    private boolean authenticationFailed;
    private boolean displayNameSpoofing;
    private boolean deceptiveLink;
    private boolean riskyAttachment;
    private int attachmentCount;
    private int inlineImages;
    private boolean backgroundImage;
    private boolean requiredSignaturePresent;
    private long sizeBytes;
    private java.time.Instant date;
    private java.util.Set<MarkerType> markers = java.util.Set.of();
    private java.util.Set<MarkerType> exposedMarkers = java.util.Set.of();
    private boolean contentNotRead;

    private Builder() {
      encryption = Encryption.NONE;
      requiredSignaturePresent = true;
    }

    public Builder direction(Direction v) { direction = v; return this; }
    public Builder sender(Address v) { sender = v; return this; }
    public Builder senderInternal(boolean v) { senderInternal = v; return this; }
    public Builder senderPrivateProvider(boolean v) { senderPrivateProvider = v; return this; }
    public Builder senderAuthorityMailbox(boolean v) { senderAuthorityMailbox = v; return this; }
    public Builder recipients(java.util.List<Recipient> v) { recipients = v; return this; }
    public Builder toCount(int v) { toCount = v; return this; }
    public Builder ccCount(int v) { ccCount = v; return this; }
    public Builder bccCount(int v) { bccCount = v; return this; }
    public Builder recipientCount(int v) { recipientCount = v; return this; }
    public Builder externalRecipientCount(int v) { externalRecipientCount = v; return this; }
    public Builder privateProviderRecipientCount(int v) { privateProviderRecipientCount = v; return this; }
    public Builder toAuthorityMailbox(boolean v) { toAuthorityMailbox = v; return this; }
    public Builder reply(boolean v) { reply = v; return this; }
    public Builder forward(boolean v) { forward = v; return this; }
    public Builder autoForward(boolean v) { autoForward = v; return this; }
    public Builder autoReply(boolean v) { autoReply = v; return this; }
    public Builder returnDateGiven(boolean v) { returnDateGiven = v; return this; }
    public Builder alternativeContactGiven(boolean v) { alternativeContactGiven = v; return this; }
    public Builder bulk(boolean v) { bulk = v; return this; }
    public Builder deliveryReport(boolean v) { deliveryReport = v; return this; }
    public Builder readReport(boolean v) { readReport = v; return this; }
    public Builder scanToMail(boolean v) { scanToMail = v; return this; }
    public Builder encryption(Encryption v) { encryption = v; return this; }
    public Builder authenticationFailed(boolean v) { authenticationFailed = v; return this; }
    public Builder displayNameSpoofing(boolean v) { displayNameSpoofing = v; return this; }
    public Builder deceptiveLink(boolean v) { deceptiveLink = v; return this; }
    public Builder riskyAttachment(boolean v) { riskyAttachment = v; return this; }
    public Builder attachmentCount(int v) { attachmentCount = v; return this; }
    public Builder inlineImages(int v) { inlineImages = v; return this; }
    public Builder backgroundImage(boolean v) { backgroundImage = v; return this; }
    public Builder requiredSignaturePresent(boolean v) { requiredSignaturePresent = v; return this; }
    public Builder sizeBytes(long v) { sizeBytes = v; return this; }
    public Builder date(java.time.Instant v) { date = v; return this; }
    public Builder markers(java.util.Set<MarkerType> v) { markers = v; return this; }
    public Builder exposedMarkers(java.util.Set<MarkerType> v) { exposedMarkers = v; return this; }
    public Builder contentNotRead(boolean v) { contentNotRead = v; return this; }

    public Message build() {
      return new Message(direction, sender, senderInternal, senderPrivateProvider, senderAuthorityMailbox, recipients, toCount, ccCount, bccCount, recipientCount, externalRecipientCount, privateProviderRecipientCount, toAuthorityMailbox, reply, forward, autoForward, autoReply, returnDateGiven, alternativeContactGiven, bulk, deliveryReport, readReport, scanToMail, encryption, authenticationFailed, displayNameSpoofing, deceptiveLink, riskyAttachment, attachmentCount, inlineImages, backgroundImage, requiredSignaturePresent, sizeBytes, date, markers, exposedMarkers, contentNotRead);
    }
  }
}
