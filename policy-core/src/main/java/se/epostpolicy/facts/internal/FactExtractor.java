package se.epostpolicy.facts.internal;

import se.epostpolicy.facts.Address;
import se.epostpolicy.facts.Attachment;
import se.epostpolicy.facts.Direction;
import se.epostpolicy.facts.Location;
import se.epostpolicy.facts.MailFacts;
import se.epostpolicy.facts.Marker;
import se.epostpolicy.facts.MarkerType;
import se.epostpolicy.facts.Message;
import se.epostpolicy.facts.OrganisationProfile;
import se.epostpolicy.facts.Recipient;
import se.epostpolicy.facts.Zone;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import se.epostpolicy.detect.Detectors;
import se.epostpolicy.detect.ScannedText;
import se.epostpolicy.detect.TextZones;
import se.epostpolicy.mail.Email;
import se.epostpolicy.mail.EmailAttachment;

/**
 * Turns an {@link Email} into the {@link MailFacts} rules test, against one organisation profile.
 * Java derives facts here (direction, counts, kinds of message, markers); it decides nothing: that
 * is the rule files' work. Thread-safe. Not API: the engine calls it (see {@link
 * se.epostpolicy.engine.PolicyEngine#facts}); it may change or move without notice.
 *
 * @since 0.1
 */
public final class FactExtractor {

  private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
  private static final Pattern REPLY = Pattern.compile("(?i)^\\s*(re|sv|aw|antw)\\s*:.*", Pattern.DOTALL);
  // One prefix at a time: a repeated group recurses once per repetition in java.util.regex, and a
  // subject of a few thousand "Re: " overflowed the stack.
  private static final Pattern PREFIX = Pattern.compile("(?i)\\s*(?:re|sv|aw|antw|fwd?|vb|vs|wg|tr|vl)\\s*:\\s*");
  private static final Pattern FORWARD_PREFIX = Pattern.compile("(?i)\\b(fwd?|vb|vs|wg|tr|vl)\\s*:");
  private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(
      "(?i)^\\s*(automatiskt svar|autosvar|auto-?reply|automatic reply|out of office|frånvaro(meddelande)?|abwesenheit)\\b.*", Pattern.DOTALL);
  private static final Pattern AUTH_FAILURE = Pattern.compile("(?i)\\b(spf|dkim|dmarc)\\s*=\\s*fail\\b");
  private static final Pattern SCANNER_SENDER = Pattern.compile("(?i)^(scan(ner)?|skann(er)?|noreply-mfp|mfp|multifunktion\\w*|kopiator)([._-].*)?$");
  private static final Pattern PRINTER_MAILER = Pattern.compile("(?i)(canon|ricoh|xerox|konica|kyocera|sharp|brother|lexmark|toshiba|e-studio|bizhub|hp digital sending|develop ineo)");
  private static final Pattern SCAN_FILE = Pattern.compile("(?i)^(scan|skann|img_?\\d|doc\\d{6,}).*\\.pdf$");
  private static final Pattern READ_SUBJECT = Pattern.compile("(?i)^\\s*(läst|read|lu|gelesen)\\s*:.*", Pattern.DOTALL);
  private static final Pattern DELIVERY_SUBJECT = Pattern.compile(
      "(?i)^\\s*(undeliverable|olevererbart|kan inte levereras|delivery status notification|undelivered mail|returned mail|mail delivery failed)\\b.*",
      Pattern.DOTALL);
  private static final String DATE_WORD = "(?:\\d{1,2}[/.]\\d{1,2}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:e|:e)? ?(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*"
      + "|(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|monday|tuesday|wednesday|thursday|friday)(?:en)?|v(?:ecka|\\.)? ?\\d{1,2}|week \\d{1,2})";
  private static final Pattern RETURN_DATE = Pattern.compile(
      "(?iu)(?:åter|tillbaka|tillbaks|back|return|på plats|i tjänst|t\\.?\\s?o\\.?\\s?m\\.?|till och med|fram till|until)\\D{0,25}" + DATE_WORD);
  private static final Pattern ALTERNATIVE_CONTACT = Pattern.compile(
      "(?iu)(?:kontakta|vänd dig till|hänvisa[rs]? till|ring|nås på|contact|please reach|reach out to)\\b|\\b0\\d{1,3}[- ]?\\d{2,3}[ ]?\\d{2}[ ]?\\d{2}\\b");
  private static final Pattern DOMAIN_IN_TEXT = Pattern.compile("(?i)^(?:https?://)?((?:[a-z0-9-]+\\.)+[a-z]{2,})(?:[/:?#].*)?$");
  private static final Pattern ADDRESS_IN_TEXT = Pattern.compile("[\\w.+-]+@([\\w-]+(?:\\.[\\w-]+)+)");
  private static final Set<String> EXECUTABLE = Set.of("exe", "scr", "js", "jse", "vbs", "vbe", "bat", "cmd", "ps1", "jar",
      "iso", "img", "lnk", "hta", "com", "pif", "msi", "wsf", "cpl");
  private static final Set<String> EXECUTABLE_TYPES = Set.of("application/x-msdownload", "application/x-dosexec",
      "application/x-executable", "application/x-sharedlib", "application/x-mach-o-executable", "application/java-archive",
      "application/x-ms-shortcut", "application/x-msdownload;format=pe32", "application/x-elf", "application/hta");
  private static final Set<String> MACRO = Set.of("docm", "xlsm", "pptm", "dotm", "xltm", "potm", "ppsm", "xlam");
  private static final Pattern DOUBLE_EXTENSION = Pattern.compile(
      "(?i).+\\.(pdf|docx?|xlsx?|pptx?|odt|rtf|txt|jpe?g|png|gif|zip|csv)[\\s_.]*\\.(exe|scr|js|jse|vbs|vbe|bat|cmd|ps1|jar|lnk|hta|com|pif|msi|wsf)\\s*$");

  private static final Set<MarkerType> ACTS = EnumSet.of(MarkerType.DISCLOSURE_REQUEST, MarkerType.THREAT);
  private static final Set<MarkerType> PERSON_BOUND = EnumSet.of(MarkerType.PATIENT_DATA, MarkerType.HEALTH_DATA,
      MarkerType.SOCIAL_CARE_CLIENT, MarkerType.SENSITIVE_PERSONAL_DATA, MarkerType.PERSONAL_ASSESSMENT);

  private final OrganisationProfile profile;
  private final Detectors detectors;
  private final Clock clock;

  /**
   * @param profile the organisation the mail is judged for
   * @param detectors the pack's detectors
   * @param clock where "today" comes from for a message without a Date header
   */
  public FactExtractor(OrganisationProfile profile, Detectors detectors, Clock clock) {
    this.profile = Objects.requireNonNull(profile, "profile");
    this.detectors = Objects.requireNonNull(detectors, "detectors");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The facts of {@code email}. */
  public MailFacts extract(Email email) {
    boolean autoForward = email.firstHeader("Auto-Submitted").toLowerCase(Locale.ROOT).contains("auto-forwarded")
        || !email.header("X-MS-Exchange-Inbox-Rules-Loop").isEmpty()
        || !email.resentFrom().isEmpty() || !email.resentTo().isEmpty();
    Address sender = autoForward && !email.resentFrom().isEmpty() ? email.resentFrom().get(0)
        : email.from() != null ? email.from() : new Address("", "");

    List<Recipient> recipients = new ArrayList<>();
    if (autoForward && !email.resentTo().isEmpty()) {
      email.resentTo().forEach(a -> recipients.add(recipient(a, Recipient.Field.TO)));
    } else {
      email.to().forEach(a -> recipients.add(recipient(a, Recipient.Field.TO)));
      email.cc().forEach(a -> recipients.add(recipient(a, Recipient.Field.CC)));
      email.bcc().forEach(a -> recipients.add(recipient(a, Recipient.Field.BCC)));
    }
    boolean senderInternal = profile.isInternal(sender.domain());
    long external = recipients.stream().filter(r -> !r.internal()).count();
    Direction direction = !senderInternal ? Direction.INBOUND : external > 0 ? Direction.OUTBOUND : Direction.INTERNAL;

    String subject = email.subject();
    String prefixes = prefixes(subject);
    String contentType = email.firstHeader("Content-Type").toLowerCase(Locale.ROOT);
    String precedence = email.firstHeader("Precedence").toLowerCase(Locale.ROOT);
    String autoSubmitted = email.firstHeader("Auto-Submitted").toLowerCase(Locale.ROOT);
    String senderLocal = sender.localPart();

    List<Attachment> attachments = email.attachments().stream().map(FactExtractor::attachment).toList();

    boolean autoReply = autoSubmitted.contains("auto-replied")
        || !email.header("X-Autoreply").isEmpty() || !email.header("X-Autorespond").isEmpty()
        || AUTO_REPLY_SUBJECT.matcher(subject).matches();
    boolean readReport = contentType.startsWith("multipart/report") && contentType.contains("disposition-notification")
        || READ_SUBJECT.matcher(subject).matches();
    boolean deliveryReport = !readReport && (contentType.startsWith("multipart/report")
        || senderLocal.equals("mailer-daemon") || senderLocal.equals("postmaster")
        || DELIVERY_SUBJECT.matcher(subject).matches());
    boolean bulk = !email.header("List-Id").isEmpty() || !email.header("List-Unsubscribe").isEmpty()
        || precedence.equals("bulk") || precedence.equals("list") || precedence.equals("junk");
    boolean scanToMail = SCANNER_SENDER.matcher(senderLocal).matches()
        || PRINTER_MAILER.matcher(email.firstHeader("X-Mailer")).find()
        || email.attachments().stream().anyMatch(a -> SCAN_FILE.matcher(a.name()).matches());
    boolean authFailed = email.header("Authentication-Results").stream().anyMatch(v -> AUTH_FAILURE.matcher(v).find());
    boolean spoofing = !senderInternal && displayNameShowsInternalAddress(sender.displayName());
    String body = email.plainText() + "\n" + email.htmlText();
    boolean returnDate = autoReply && RETURN_DATE.matcher(body).find();
    boolean alternativeContact = autoReply && (ALTERNATIVE_CONTACT.matcher(body).find() || ADDRESS_IN_TEXT.matcher(body).find());
    boolean signature = profile.requiredSignatureText().isEmpty()
        || body.toLowerCase(Locale.ROOT).contains(profile.requiredSignatureText().toLowerCase(Locale.ROOT));

    boolean forward = !autoForward && FORWARD_PREFIX.matcher(prefixes).find();
    List<Marker> markers = new ArrayList<>();
    List<Marker> weak = new ArrayList<>();
    for (Marker m : detectors.scan(texts(email, forward), messageDate(email), direction)) {
      (detectors.counts(m) ? markers : weak).add(m);
    }
    if (bulk) {
      // Reading 23: a newsletter or list mail makes no request and no threat, and a person it writes
      // about is no patient or client of this mailbox unless it names an identity number.
      boolean identity = markers.stream().anyMatch(m -> m.type() == MarkerType.PERSONNUMMER || m.type() == MarkerType.SAMORDNINGSNUMMER);
      demote(markers, weak, m -> ACTS.contains(m.type()) || !identity && PERSON_BOUND.contains(m.type()));
    }
    if (markers.stream().anyMatch(m -> m.type() == MarkerType.DISCLOSURE_REQUEST)) {
      // Reading 22: a disclosure request is no formal document; the contracts and decisions it names are what it asks for.
      demote(markers, weak, m -> m.type() == MarkerType.FORMAL_DOCUMENT);
    }
    if (autoReply) {
      // Reading 30: an automatic reply that says its sender is sick tells an identified person's health.
      markers.stream().filter(m -> m.type() == MarkerType.SICKNESS_DISCLOSURE).findFirst()
          .filter(m -> markers.stream().noneMatch(x -> x.type() == MarkerType.HEALTH_DATA))
          .ifPresent(m -> markers.add(new Marker(MarkerType.HEALTH_DATA, m.location(), m.zone(), m.attachmentName(), m.evidence(),
              m.confidence(), m.protectedInTransit())));
    }
    Set<MarkerType> all = EnumSet.noneOf(MarkerType.class);
    Set<MarkerType> exposed = EnumSet.noneOf(MarkerType.class);
    for (Marker m : markers) {
      all.add(m.type());
      if (!m.protectedInTransit()) exposed.add(m.type());
    }

    Message message = Message.builder()
        .direction(direction)
        .sender(sender)
        .senderInternal(senderInternal)
        .senderPrivateProvider(profile.isPrivateProvider(sender.domain()))
        .senderAuthorityMailbox(!profile.authorityMailbox().isEmpty() && profile.authorityMailbox().equals(sender.address()))
        .recipients(recipients)
        .toCount(count(recipients, Recipient.Field.TO))
        .ccCount(count(recipients, Recipient.Field.CC))
        .bccCount(count(recipients, Recipient.Field.BCC))
        .recipientCount(recipients.size())
        .externalRecipientCount((int) external)
        .privateProviderRecipientCount((int) recipients.stream().filter(Recipient::privateProvider).count())
        .toAuthorityMailbox(!profile.authorityMailbox().isEmpty()
            && recipients.stream().anyMatch(r -> r.address().address().equals(profile.authorityMailbox())))
        .reply(!autoReply && REPLY.matcher(subject).matches())
        .forward(forward)
        .autoForward(autoForward)
        .autoReply(autoReply)
        .returnDateGiven(returnDate)
        .alternativeContactGiven(alternativeContact)
        .bulk(bulk)
        .deliveryReport(deliveryReport)
        .readReport(readReport)
        .scanToMail(scanToMail)
        .encryption(email.encryption())
        .authenticationFailed(authFailed)
        .displayNameSpoofing(spoofing)
        .deceptiveLink(email.links().stream().anyMatch(FactExtractor::deceptive))
        .riskyAttachment(attachments.stream().anyMatch(Attachment::risky))
        .attachmentCount(attachments.size())
        .inlineImages(email.inlineImages())
        .backgroundImage(email.backgroundImage())
        .requiredSignaturePresent(signature)
        .sizeBytes(email.sizeBytes())
        .date(email.date())
        .markers(all)
        .exposedMarkers(exposed)
        .contentNotRead(email.contentNotRead())
        .build();
    return new MailFacts(message, attachments, markers, weak, email.unread());
  }

  /** Moves the markers {@code which} selects from those that decide to those shown as too weak. */
  private static void demote(List<Marker> markers, List<Marker> weak, java.util.function.Predicate<Marker> which) {
    markers.stream().filter(which).forEach(weak::add);
    markers.removeIf(which);
  }

  private LocalDate messageDate(Email email) {
    return email.date() != null ? email.date().atZone(SWEDEN).toLocalDate() : LocalDate.now(clock.withZone(SWEDEN));
  }

  /**
   * The texts detectors read, each with the zones of the mail's structure: the body split into own
   * text, quoted and forwarded history, signature and disclaimers; an attached message as
   * history; a calendar part as an invitation.
   */
  static List<ScannedText> texts(Email email, boolean forward) {
    boolean bodyProtected = email.encryption().protectsBody();
    List<ScannedText> texts = new ArrayList<>();
    texts.add(new ScannedText(Location.SUBJECT, "", email.subject(), false));
    String plain = email.plainText();
    List<TextZones.Span> zones = new ArrayList<>(TextZones.split(plain, forward));
    int offset = plain.length() + 1;
    for (TextZones.Span z : TextZones.split(email.htmlText(), forward)) {
      zones.add(new TextZones.Span(z.zone(), z.start() + offset, z.end() + offset));
    }
    texts.add(new ScannedText(Location.BODY, "", plain + "\n" + email.htmlText(), bodyProtected, zones));
    for (EmailAttachment a : email.attachments()) {
      if (!a.name().isEmpty()) texts.add(new ScannedText(Location.ATTACHMENT_NAME, a.name(), a.name(), false));
      if (!a.entries().isEmpty()) {
        texts.add(new ScannedText(Location.ATTACHMENT_NAME, a.name(), String.join("\n", a.entries()), false));
      }
      if (a.text().isEmpty()) continue;
      boolean hidden = bodyProtected || a.encrypted();
      if (a.attachedMessage()) {
        List<TextZones.Span> inner = TextZones.split(a.text(), false).stream()
            .map(z -> z.zone() == Zone.OWN_TEXT ? new TextZones.Span(Zone.ATTACHED_MESSAGE, z.start(), z.end()) : z).toList();
        texts.add(new ScannedText(Location.ATTACHMENT, a.name(), a.text(), hidden, inner));
      } else if (a.detectedType().startsWith("text/calendar") || a.declaredType().startsWith("text/calendar")) {
        texts.add(ScannedText.of(Location.ATTACHMENT, a.name(), a.text(), hidden, Zone.CALENDAR));
      } else {
        texts.add(new ScannedText(Location.ATTACHMENT, a.name(), a.text(), hidden));
      }
    }
    return texts;
  }

  private Recipient recipient(Address a, Recipient.Field field) {
    return new Recipient(a, field, profile.isInternal(a.domain()), profile.isPrivateProvider(a.domain()));
  }

  private static int count(List<Recipient> recipients, Recipient.Field field) {
    return (int) recipients.stream().filter(r -> r.field() == field).count();
  }

  private static String prefixes(String subject) {
    var m = PREFIX.matcher(subject);
    int end = 0;
    while (end < subject.length() && m.region(end, subject.length()).lookingAt()) end = m.end();
    return subject.substring(0, end);
  }

  private boolean displayNameShowsInternalAddress(String displayName) {
    var m = ADDRESS_IN_TEXT.matcher(displayName);
    while (m.find()) {
      if (profile.isInternal(m.group(1))) return true;
    }
    return false;
  }

  /** A link whose text is itself a web address on another site than the one it leads to. */
  private static boolean deceptive(Email.Link link) {
    var shown = DOMAIN_IN_TEXT.matcher(link.text().strip());
    var target = DOMAIN_IN_TEXT.matcher(link.target().strip());
    if (!shown.matches() || !target.matches()) return false;
    return !site(shown.group(1)).equals(site(target.group(1)));
  }

  /** The last two labels of a host: the site a person reads it as. */
  private static String site(String host) {
    String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
    return labels.length < 2 ? host : labels[labels.length - 2] + "." + labels[labels.length - 1];
  }

  private static Attachment attachment(EmailAttachment a) {
    String name = a.name().trim();
    boolean executable = EXECUTABLE.contains(extension(name)) || EXECUTABLE_TYPES.contains(a.detectedType())
        || a.entries().stream().anyMatch(e -> EXECUTABLE.contains(extension(e)) || DOUBLE_EXTENSION.matcher(e).matches());
    boolean macro = MACRO.contains(extension(name)) || a.macros();
    return new Attachment(name, a.declaredType(), a.detectedType(), a.extensionType(),
        mismatch(a.detectedType(), a.extensionType()), a.size(), a.encrypted(), executable, macro,
        DOUBLE_EXTENSION.matcher(name).matches(), a.entries(), a.read());
  }

  /**
   * A name that promises a document or image while the content is a program or script. Other
   * differences (a .csv read as text/plain, a .docx as a ZIP) are ordinary and not flagged.
   */
  private static boolean mismatch(String detected, String byName) {
    return EXECUTABLE_TYPES.contains(detected) && !EXECUTABLE_TYPES.contains(byName) && !byName.equals("application/octet-stream");
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).trim().toLowerCase(Locale.ROOT);
  }
}
