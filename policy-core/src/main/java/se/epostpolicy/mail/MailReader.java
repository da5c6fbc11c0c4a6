package se.epostpolicy.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import se.epostpolicy.MailReadException;
import se.epostpolicy.facts.Address;
import se.epostpolicy.facts.Encryption;
import se.epostpolicy.facts.ContentLoss;
import se.epostpolicy.facts.ReadStatus;
import se.epostpolicy.internal.Failures;

/**
 * Reads RFC 5322/MIME messages into {@link Email}s: single {@code .eml} files, mbox files and
 * Maildir folders, or a stream or {@link MimeMessage} the caller already has.
 *
 * <p>Real mail is often broken, so reading is lenient: missing boundaries, bad base64, unknown
 * transfer encodings and unknown charsets are read as well as they can be and named in
 * {@link Email#warnings()}. It is also bounded by {@link ReaderLimits}. A message that cannot be
 * read at all gives a {@link MailReadException} naming its source, never its content.
 *
 * <p>Attachment documents are parsed in this JVM unless the reader is built with
 * {@link DocumentParsing#forked forked} parsing, which bounds each parse in time and memory.
 *
 * <p>Instances are immutable and thread-safe. Angus Mail reads its leniency switches only from
 * system properties, some when its classes load; this class never sets them on its own: see
 * {@link #useLenientMimeSettings()}.
 *
 * @since 0.1
 */
public final class MailReader implements AutoCloseable {

  /**
   * Sets the JVM-wide {@code mail.mime.*} switches that make jakarta.mail read broken mail as well
   * as it can (bad base64, missing boundaries, unknown transfer encodings, RFC 2231 file names,
   * lax addresses and parameters), and names Angus Mail's stream provider so jakarta.mail does not
   * look it up with a ServiceLoader on every encoded word (jakartaee/mail-api#861). Only
   * properties the JVM does not already define are set. Angus reads several of them once, when
   * its classes load: call this at start-up, before any mail is parsed.
   *
   * <p>These are global settings, so the library never sets them on its own: a host that embeds
   * it in a mail server decides. The {@code policy-check} command line calls it. Without it,
   * readers still work with jakarta.mail's defaults, which read less of broken mail (a message
   * whose parts could not be read in full says so, see {@link Email#warnings()}).
   *
   * @return the properties this call set, empty when all were defined already
   */
  public static synchronized List<String> useLenientMimeSettings() {
    List<String> set = new ArrayList<>();
    for (String p : List.of("mail.mime.base64.ignoreerrors", "mail.mime.multipart.ignoremissingboundaryparameter",
        "mail.mime.multipart.ignoremissingendboundary", "mail.mime.multipart.allowempty",
        "mail.mime.ignoreunknownencoding", "mail.mime.decodefilename", "mail.mime.decodeparameters")) {
      if (System.getProperty(p) == null) { System.setProperty(p, "true"); set.add(p); }
    }
    for (String p : List.of("mail.mime.parameters.strict", "mail.mime.decodetext.strict", "mail.mime.address.strict")) {
      if (System.getProperty(p) == null) { System.setProperty(p, "false"); set.add(p); }
    }
    String provider = "jakarta.mail.util.StreamProvider";
    String angus = "org.eclipse.angus.mail.util.MailStreamProvider";
    if (System.getProperty(provider) == null) {
      try {
        Class.forName(angus, false, MailReader.class.getClassLoader());
        System.setProperty(provider, angus);
        set.add(provider);
      } catch (ClassNotFoundException e) {
        // another implementation is on the class path: let it be found the standard way
      }
    }
    return List.copyOf(set);
  }

  private static final Pattern LOOSE_ADDRESS = Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]+@[\\w-]+(?:\\.[\\w-]+)+");

  private final ReaderLimits limits;
  private final DocumentParsing parsing;
  private final AttachmentExtractor.DocumentParser parser;
  private final Session session;

  /** A reader with {@link ReaderLimits#DEFAULTS}, parsing documents in process. */
  public MailReader() {
    this(ReaderLimits.DEFAULTS);
  }

  /** A reader with the given limits, parsing documents in process. */
  public MailReader(ReaderLimits limits) {
    this(limits, DocumentParsing.inProcess());
  }

  /**
   * A reader with the given limits that parses attachment documents as {@code parsing} says. A
   * reader with {@linkplain DocumentParsing#forked forked} parsing holds processes: {@link #close()}
   * it when done.
   */
  public MailReader(ReaderLimits limits, DocumentParsing parsing) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.parsing = Objects.requireNonNull(parsing, "parsing");
    this.parser = AttachmentExtractor.parser(parsing);
    Properties props = new Properties();
    props.setProperty("mail.mime.address.strict", "false");
    props.setProperty("mail.mime.decodefilename", "true");
    props.setProperty("mail.mime.parameters.strict", "false");
    props.setProperty("mail.mime.multipart.allowempty", "true");
    this.session = Session.getInstance(props);
  }

  /** The limits this reader applies. */
  public ReaderLimits limits() {
    return limits;
  }

  /** Where this reader parses attachment documents. */
  public DocumentParsing documentParsing() {
    return parsing;
  }

  /** Stops the forked parsing processes, if any; reading after close is not supported. */
  @Override
  public void close() {
    parser.close();
  }

  /**
   * Reads every message under {@code path}: an {@code .eml} file, an mbox file (recognised by its
   * leading {@code From } line), a Maildir folder ({@code cur/} and {@code new/}), or any other
   * folder, whose files are read in name order. Each message, read or not, goes to {@code sink}.
   *
   * @param path a file or folder; never {@code null}
   * @param source how to name {@code path} in outcomes (usually the path as the user typed it)
   * @param sink receives one outcome per message, in order
   */
  public void read(Path path, String source, Consumer<ReadOutcome> sink) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sink, "sink");
    if (Files.isDirectory(path)) {
      readFolder(path, source, sink);
    } else if (!Files.isRegularFile(path)) {
      sink.accept(new ReadOutcome.Unreadable(new MailReadException(source, "no such file or folder")));
    } else if (Mbox.looksLikeMbox(path)) {
      try {
        Mbox.split(path, limits.maxMessageBytes(), (n, bytes) -> sink.accept(outcome(source + "#" + n, bytes)));
      } catch (IOException e) {
        sink.accept(new ReadOutcome.Unreadable(new MailReadException(source, "cannot read mbox: " + e.getClass().getSimpleName(), e)));
      }
    } else {
      sink.accept(readFileOutcome(path, source));
    }
  }

  /** Reads {@link #read(Path, String, Consumer)} naming outcomes by {@code path.toString()}. */
  public void read(Path path, Consumer<ReadOutcome> sink) {
    read(path, path.toString(), sink);
  }

  /** Reads one single-message file. */
  public Email readFile(Path file) {
    return readFile(file, file.toString());
  }

  /** Reads one single-message file, naming it {@code source} in errors. */
  public Email readFile(Path file, String source) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, source);
    } catch (IOException e) {
      throw new MailReadException(source, "cannot read file: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Reads one message from a stream (not closed here). */
  public Email read(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxMessageBytes() + 1));
    } catch (IOException e) {
      throw new MailReadException(source, "cannot read stream: " + e.getClass().getSimpleName(), e);
    }
    if (bytes.length > limits.maxMessageBytes()) {
      throw new MailReadException(source, "message is larger than the limit of " + limits.maxMessageBytes() + " bytes");
    }
    return parse(bytes, source);
  }

  /** Reads a message the caller already parsed. */
  public Email read(MimeMessage message, String source) {
    Objects.requireNonNull(message, "message");
    try {
      long size = Math.max(0, message.getSize());
      return extract(message, source, size, List.of());
    } catch (MessagingException | RuntimeException e) {
      throw new MailReadException(source, "cannot read message: " + e.getClass().getSimpleName(), e);
    } catch (Error e) {
      Failures.rethrowFatal(e);
      throw new MailReadException(source, "cannot read message: " + Failures.describe(e), e);
    }
  }

  private ReadOutcome readFileOutcome(Path file, String source) {
    try {
      return new ReadOutcome.Parsed(readFile(file, source));
    } catch (MailReadException e) {
      return new ReadOutcome.Unreadable(e);
    }
  }

  private ReadOutcome outcome(String source, byte[] bytes) {
    if (bytes == null) {
      return new ReadOutcome.Unreadable(new MailReadException(source, "message is larger than the limit of " + limits.maxMessageBytes() + " bytes"));
    }
    try {
      return new ReadOutcome.Parsed(parse(bytes, source));
    } catch (MailReadException e) {
      return new ReadOutcome.Unreadable(e);
    }
  }

  private void readFolder(Path folder, String source, Consumer<ReadOutcome> sink) {
    boolean maildir = Files.isDirectory(folder.resolve("cur")) || Files.isDirectory(folder.resolve("new"));
    List<Path> files = new ArrayList<>();
    try {
      if (maildir) {
        for (String sub : List.of("new", "cur")) {
          Path dir = folder.resolve(sub);
          if (Files.isDirectory(dir)) try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
          }
        }
      } else {
        try (Stream<Path> s = Files.walk(folder)) {
          s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(files::add);
        }
      }
    } catch (IOException e) {
      sink.accept(new ReadOutcome.Unreadable(new MailReadException(source, "cannot list folder: " + e.getClass().getSimpleName(), e)));
      return;
    }
    for (Path f : files) {
      String name = source.endsWith("/") ? source + folder.relativize(f) : source + "/" + folder.relativize(f);
      read(f, name, sink);
    }
  }

  private Email parse(byte[] raw, String source) {
    try {
      if (binaryHeader(raw)) throw new MailReadException(source, "not an e-mail message: binary content");
      byte[] bytes = HeaderBlock.endAtFirstNonHeaderLine(raw);
      List<String> early = bytes == raw ? List.of()
          : List.of("the header fields were not followed by a blank line; the first line that is no header field starts the body");
      MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(bytes));
      if (!message.getAllHeaders().hasMoreElements()) {
        throw new MailReadException(source, "not an e-mail message: no header fields");
      }
      if (MAIL_FIELDS.stream().noneMatch(f -> hasHeader(message, f))) {
        throw new MailReadException(source, "not an e-mail message: none of the header fields From, Date, To, Cc or Bcc");
      }
      return extract(message, source, raw.length, early);
    } catch (MessagingException | RuntimeException e) {
      if (e instanceof MailReadException m) throw m;
      throw new MailReadException(source, "cannot parse message: " + e.getClass().getSimpleName(), e);
    } catch (Error e) {
      Failures.rethrowFatal(e);
      throw new MailReadException(source, "cannot parse message: " + Failures.describe(e), e);
    }
  }

  /** A mail has at least one of these; a file with none of them is something else that happens to have "Name:" lines. */
  private static final List<String> MAIL_FIELDS = List.of("From", "Sender", "Date", "To", "Cc", "Bcc", "Resent-From", "Resent-To");

  private static boolean hasHeader(MimeMessage message, String name) {
    try {
      String[] v = message.getHeader(name);
      return v != null && v.length > 0;
    } catch (MessagingException e) {
      return false;
    }
  }

  /**
   * The header block (the first 8 KB up to the first blank line) holds bytes no mail header has:
   * NUL or other control characters. PDFs, TNEF blobs, images and archives start so.
   */
  static boolean binaryHeader(byte[] bytes) {
    int end = Math.min(bytes.length, 8192);
    int controls = 0;
    for (int i = 0; i < end; i++) {
      int b = bytes[i] & 0xff;
      if (b == '\n' && i + 1 < end && (bytes[i + 1] == '\n' || bytes[i + 1] == '\r' && i + 2 < end && bytes[i + 2] == '\n')) break;
      if (b == 0) return true;
      if (b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != 0x0c) controls++;
    }
    return controls > 2;
  }

  private Email extract(MimeMessage message, String source, long size, List<String> early) throws MessagingException {
    Walk walk = new Walk(limits, parser);
    early.forEach(walk::warn);
    Map<String, List<String>> headers = headers(message);
    walk.part(message, 0, true);
    String plain = walk.plain.toString();
    if (walk.encryption == Encryption.NONE) {
      if (plain.contains("-----BEGIN PGP MESSAGE-----")) walk.encryption = Encryption.PGP_ENCRYPTED;
      else if (plain.contains("-----BEGIN PGP SIGNED MESSAGE-----")) walk.encryption = Encryption.PGP_SIGNED;
    }
    List<Address> from = addresses(message, "From", walk);
    if (from.isEmpty()) from = addresses(message, "Sender", walk);
    List<Address> resentFrom = addresses(message, "Resent-From", walk);
    if (resentFrom.isEmpty()) resentFrom = addresses(message, "Resent-Sender", walk);
    List<Address> resentTo = new ArrayList<>(addresses(message, "Resent-To", walk));
    resentTo.addAll(addresses(message, "Resent-Cc", walk));
    resentTo.addAll(addresses(message, "Resent-Bcc", walk));
    return new Email(source, headers, from.isEmpty() ? null : from.get(0),
        addresses(message, "To", walk), addresses(message, "Cc", walk), addresses(message, "Bcc", walk),
        resentFrom, resentTo, subject(message, walk), date(message), plain, walk.html.toString(),
        walk.attachments, walk.inlineImages, walk.backgroundImage, walk.encryption, size, walk.warnings, walk.links,
        walk.losses);
  }

  private static Map<String, List<String>> headers(MimeMessage message) throws MessagingException {
    Map<String, List<String>> map = new LinkedHashMap<>();
    Enumeration<Header> all = message.getAllHeaders();
    while (all.hasMoreElements()) {
      Header h = all.nextElement();
      String value = h.getValue() == null ? "" : decode(HeaderValues.unfold(h.getValue()));
      map.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value.trim());
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return map;
  }

  private static String decode(String text) {
    try {
      return MimeUtility.decodeText(text);
    } catch (Exception e) {
      return text;
    }
  }

  private static String subject(MimeMessage message, Walk walk) {
    try {
      return subjectOf(message);
    } catch (MessagingException | RuntimeException e) {
      walk.warn("subject could not be decoded");
      try {
        String raw = message.getHeader("Subject", null);
        return raw == null ? "" : raw;
      } catch (MessagingException ex) {
        return "";
      }
    }
  }

  /** {@code getSubject()} as jakarta.mail reads it, unfolded in linear time. */
  private static String subjectOf(MimeMessage message) throws MessagingException {
    String raw = message.getHeader("Subject", null);
    return raw == null ? "" : decode(HeaderValues.unfold(raw));
  }

  private static Instant date(MimeMessage message) {
    try {
      java.util.Date d = message.getSentDate();
      return d == null ? null : d.toInstant();
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static List<Address> addresses(MimeMessage message, String header, Walk walk) {
    String raw;
    try {
      raw = message.getHeader(header, ",");
    } catch (MessagingException e) {
      return List.of();
    }
    if (raw == null || raw.isBlank()) return List.of();
    List<Address> out = new ArrayList<>();
    try {
      for (InternetAddress a : InternetAddress.parseHeader(HeaderValues.unfold(raw), false)) {
        addAddress(a, out);
      }
    } catch (AddressException | RuntimeException e) {
      walk.warn(header + " header is malformed; addresses were picked out leniently");
      Matcher m = LOOSE_ADDRESS.matcher(raw);
      while (m.find()) out.add(new Address(m.group(), ""));
    }
    return List.copyOf(out);
  }

  private static void addAddress(InternetAddress a, List<Address> out) throws AddressException {
    if (a.isGroup()) {
      for (InternetAddress member : a.getGroup(false)) addAddress(member, out);
      return;
    }
    String addr = a.getAddress();
    if (addr == null || addr.isBlank() || addr.indexOf('@') < 0) return;
    String personal = a.getPersonal();
    out.add(new Address(addr, personal == null ? "" : decode(personal)));
  }

  /** The state of one walk over a message's MIME tree. */
  private static final class Walk implements MailReaderWarnings {
    final ReaderLimits limits;
    final StringBuilder plain = new StringBuilder();
    final StringBuilder html = new StringBuilder();
    final List<EmailAttachment> attachments = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<Email.Link> links = new ArrayList<>();
    final List<ContentLoss> losses = new ArrayList<>();
    int inlineImages;
    boolean backgroundImage;
    Encryption encryption = Encryption.NONE;
    int textBudget;
    int openBudget;
    byte[] scratch;
    boolean depthWarned;
    boolean cutRecorded;
    boolean notOpenedRecorded;

    final AttachmentExtractor.DocumentParser parser;

    Walk(ReaderLimits limits, AttachmentExtractor.DocumentParser parser) {
      this.limits = limits;
      this.parser = parser;
      this.textBudget = limits.maxTextChars();
      this.openBudget = limits.maxOpenedAttachments();
    }

    /**
     * Takes one attachment from the budget of those whose content is opened. Past it an attachment
     * is only listed: detecting a type costs Tika about half a millisecond even for a few bytes,
     * a minute for a mail of 100 000 tiny attachments.
     */
    private boolean open() {
      if (openBudget > 0) {
        openBudget--;
        return true;
      }
      return false;
    }

    /** An attachment past the bound: counted and named, its content not read (BAS-09), recorded once. */
    private void notOpened(Part part, String base, String fileName, boolean message) throws MessagingException, IOException {
      if (!notOpenedRecorded) {
        losses.add(new ContentLoss("attachments after the first " + limits.maxOpenedAttachments(), ReadStatus.NOT_OPENED,
            "counted and named but not opened"));
        warn("attachments after the first " + limits.maxOpenedAttachments() + " were counted and named but not opened: their content was not read");
        notOpenedRecorded = true;
      }
      String name = fileName == null ? "" : fileName;
      String type = message ? "message/rfc822" : "application/octet-stream";
      attachments.add(new EmailAttachment(name, base, type, message ? type : AttachmentExtractor.typeOfName(name),
          message ? Math.max(0, part.getSize()) : decodedSize(part), false, false, "", message, List.of(), ReadStatus.NOT_OPENED));
    }

    @Override
    public void warn(String w) {
      if (!warnings.contains(w)) warnings.add(w);
    }

    /** Records a part not read in full; the reason becomes a warning too. */
    void lost(String part, ReadStatus status, String reason) {
      if (losses.size() < 100) losses.add(new ContentLoss(part, status, reason));
      warn(part + " was not read in full: " + reason);
    }

    private String nextAttachment(String type) {
      return "attachment " + (attachments.size() + 1) + " (" + type + ")";
    }

    void part(Part part, int depth, boolean top) {
      if (depth > limits.maxMimeDepth()) {
        if (!depthWarned) lost("a MIME part", ReadStatus.NOT_OPENED, "nested deeper than " + limits.maxMimeDepth() + " levels");
        depthWarned = true;
        return;
      }
      try {
        walkPart(part, depth, top);
      } catch (MessagingException | IOException | RuntimeException e) {
        lost("a MIME part", ReadStatus.DAMAGED, "could not be read (" + e.getClass().getSimpleName() + ")");
      } catch (Error e) {
        Failures.rethrowFatal(e);
        lost("a MIME part", ReadStatus.NOT_OPENED, Failures.describe(e));
      }
    }

    private void walkPart(Part part, int depth, boolean top) throws MessagingException, IOException {
      ContentType type = contentType(part);
      String base = type.getBaseType().toLowerCase(Locale.ROOT);
      String fileName = fileName(part);
      String disposition = disposition(part);
      boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || (fileName != null && !fileName.isBlank());

      if (base.startsWith("multipart/")) {
        if (base.equals("multipart/encrypted")) {
          if (top || encryption == Encryption.NONE) encryption = Encryption.PGP_ENCRYPTED;
          return;
        }
        if (base.equals("multipart/signed") && encryption == Encryption.NONE) {
          String protocol = String.valueOf(type.getParameter("protocol")).toLowerCase(Locale.ROOT);
          encryption = protocol.contains("pgp") ? Encryption.PGP_SIGNED : Encryption.SMIME_SIGNED;
        }
        Multipart mp = multipart(part);
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart child = mp.getBodyPart(i);
          part(child, depth + 1, false);
        }
        return;
      }
      if (base.equals("application/pkcs7-mime") || base.equals("application/x-pkcs7-mime")) {
        byte[] data = bytes(part, limits.maxAttachmentBytes());
        if (!AttachmentTypes.looksLikeCms(data)) {
          mislabelled(part, base, type, fileName, data, "labelled as S/MIME but not in that format");
          return;
        }
        String smimeType = String.valueOf(type.getParameter("smime-type")).toLowerCase(Locale.ROOT);
        Encryption e = smimeType.contains("signed") ? Encryption.SMIME_SIGNED : Encryption.SMIME_ENCRYPTED;
        if (encryption == Encryption.NONE || e == Encryption.SMIME_ENCRYPTED) encryption = e;
        return;
      }
      if (base.equals("application/pkcs7-signature") || base.equals("application/x-pkcs7-signature")
          || base.equals("application/pgp-signature")) {
        byte[] data = bytes(part, limits.maxAttachmentBytes());
        boolean real = base.equals("application/pgp-signature") ? AttachmentTypes.looksLikePgpSignature(data) : AttachmentTypes.looksLikeCms(data);
        if (!real) mislabelled(part, base, type, fileName, data, "labelled as a signature but not one");
        return;
      }
      if (base.equals("message/rfc822") || base.equals("message/global")) {
        attachedMessage(part, depth, fileName);
        return;
      }
      if (!attachment && (base.equals("text/plain") || base.equals("text/html") || base.equals("text/enriched"))) {
        String text = Texts.decode(bytes(part, limits.maxTextChars() * 4L), charset(type, part), this);
        if (base.equals("text/html")) {
          html.append(htmlToText(text)).append('\n');
        } else {
          plain.append(take(text)).append('\n');
        }
        return;
      }
      if (base.startsWith("image/") && !Part.ATTACHMENT.equalsIgnoreCase(disposition)
          && (Part.INLINE.equalsIgnoreCase(disposition) || part.getHeader("Content-ID") != null)) {
        byte[] data = bytes(part, limits.maxAttachmentBytes());
        if (AttachmentTypes.bearsText(AttachmentExtractor.detect(data))) {
          mislabelled(part, base, type, fileName, data, "labelled as an image but a document");
        } else {
          inlineImages++;
        }
        return;
      }
      if (!open()) {
        notOpened(part, base, fileName, false);
        return;
      }
      fileAttachment(part, base, type, fileName, bytes(part, limits.maxAttachmentBytes()), ReadStatus.READ, null);
    }

    /**
     * A part whose label hides what it is: it is read as the attachment it really is, so its
     * text is judged, and marked mislabelled, so the decision says a person must look.
     */
    private void mislabelled(Part part, String base, ContentType type, String fileName, byte[] data, String why)
        throws MessagingException, IOException {
      fileAttachment(part, base, type, fileName, data, ReadStatus.MISLABELLED, why);
    }

    private void attachedMessage(Part part, int depth, String fileName) throws MessagingException, IOException {
      if (!open()) {
        notOpened(part, "message/rfc822", fileName, true);
        return;
      }
      Object content = part.getContent();
      MimeMessage nested = content instanceof MimeMessage m ? m
          : new MimeMessage(null, new ByteArrayInputStream(bytes(part, limits.maxAttachmentBytes())));
      Walk inner = new Walk(limits, parser);
      inner.textBudget = textBudget;
      inner.openBudget = openBudget;
      inner.part(nested, depth + 1, false);
      openBudget = inner.openBudget;
      String subject = "";
      try {
        subject = subjectOf(nested);
      } catch (MessagingException e) {
        inner.warn("an attached message's subject could not be decoded");
      }
      String text = take(subject + "\n" + inner.plain + "\n" + inner.html);
      textBudget = Math.min(textBudget, inner.textBudget);
      long size = Math.max(0, part.getSize());
      attachments.add(new EmailAttachment(fileName == null ? "" : fileName, "message/rfc822", "message/rfc822",
          "message/rfc822", size, inner.encryption.protectsBody(), false, text, true, List.of(),
          inner.losses.isEmpty() ? ReadStatus.READ : inner.losses.get(0).status()));
      attachments.addAll(inner.attachments);
      inlineImages += inner.inlineImages;
      inner.warnings.forEach(this::warn);
      for (ContentLoss l : inner.losses) if (losses.size() < 100) losses.add(l);
    }

    private void fileAttachment(Part part, String base, ContentType type, String fileName, byte[] data,
                                ReadStatus label, String labelProblem) throws MessagingException, IOException {
      String name = fileName == null ? "" : fileName;
      String detected = AttachmentExtractor.detect(data);
      String what = nextAttachment(detected);
      ReadStatus read = label;
      if (label.unread()) lost(what, label, labelProblem);
      if (data.length >= limits.maxAttachmentBytes()) {
        lost(what, ReadStatus.CUT, "read only up to " + limits.maxAttachmentBytes() + " bytes");
        read = read.worst(ReadStatus.CUT);
      }
      int budgetBefore = textBudget;
      String text;
      boolean encrypted = AttachmentTypes.encryptedContainer(data);
      List<String> entries = List.of();
      if (detected.equals("text/html") || (base.equals("text/html") && detected.startsWith("text/"))) {
        text = take(htmlToText(Texts.decode(data, charset(type, part), this)));
      } else if (detected.startsWith("text/") && (base.startsWith("text/") || !name.isEmpty())) {
        text = take(Texts.decode(data, charset(type, part), this));
      } else if (data.length == 0 || detected.startsWith("image/") || detected.startsWith("audio/") || detected.startsWith("video/")) {
        text = "";
      } else {
        AttachmentExtractor.Result r = AttachmentExtractor.extract(data, name, Math.max(1, textBudget), parser);
        text = take(r.text());
        encrypted |= r.encrypted();
        entries = r.entries();
        if (r.read().unread()) {
          lost(what, r.read(), r.problem());
          read = read.worst(r.read());
        }
      }
      if (budgetBefore > 0 && textBudget == 0 && !text.isEmpty()) read = read.worst(ReadStatus.CUT);
      attachments.add(new EmailAttachment(name, base, detected, AttachmentExtractor.typeOfName(name), data.length,
          encrypted, AttachmentTypes.hasMacros(data), text, false, entries, read));
    }

    private String htmlToText(String htmlSource) {
      Document doc = Jsoup.parse(htmlSource);
      if (!doc.select("[background], [style*=background-image], [style*=background:url], [style*=background: url]").isEmpty()) {
        backgroundImage = true;
      }
      if (htmlSource.toLowerCase(Locale.ROOT).contains("background-image")) backgroundImage = true;
      for (org.jsoup.nodes.Element a : doc.select("a[href]")) {
        if (links.size() < 500) links.add(new Email.Link(a.text().strip(), a.attr("href").strip()));
      }
      return take(HtmlText.of(doc.body() == null ? doc : doc.body()));
    }

    String take(String text) {
      if (text.length() <= textBudget) {
        textBudget -= text.length();
        return text;
      }
      if (!cutRecorded) lost("the message's text", ReadStatus.CUT, "text beyond " + limits.maxTextChars() + " characters was not scanned");
      cutRecorded = true;
      String cut = text.substring(0, Math.max(0, textBudget));
      textBudget = 0;
      return cut;
    }

    private static ContentType contentType(Part part) {
      try {
        String ct = part.getContentType();
        return new ContentType(ct == null ? "text/plain" : ct);
      } catch (Exception e) {
        try {
          return new ContentType("application/octet-stream");
        } catch (Exception impossible) {
          throw new IllegalStateException(impossible);
        }
      }
    }

    private static String fileName(Part part) {
      try {
        String name = part.getFileName();
        return name == null ? null : decode(name);
      } catch (MessagingException | RuntimeException e) {
        return null;
      }
    }

    private static String disposition(Part part) {
      try {
        return part.getDisposition();
      } catch (MessagingException | RuntimeException e) {
        return null;
      }
    }

    private static String charset(ContentType type, Part part) {
      String cs = type.getParameter("charset");
      return cs == null ? null : cs.trim();
    }

    private static Multipart multipart(Part part) throws MessagingException, IOException {
      Object content = part.getContent();
      if (content instanceof Multipart mp) return mp;
      // Without an activation handler the content comes back as a stream: parse it ourselves.
      try (InputStream in = part.getInputStream()) {
        return new MimeMultipart(new ByteArrayDataSource(in, part.getContentType()));
      }
    }

    /** The size of a part's content, counted through one buffer for the whole walk rather than copied out. */
    private long decodedSize(Part part) throws MessagingException, IOException {
      if (scratch == null) scratch = new byte[8192];
      long size = 0;
      try (InputStream in = part.getInputStream()) {
        for (int n; (n = in.read(scratch)) > 0; ) size += n;
      }
      return size;
    }

    private static byte[] bytes(Part part, long max) throws MessagingException, IOException {
      try (InputStream in = part.getInputStream()) {
        return in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
      }
    }
  }
}
