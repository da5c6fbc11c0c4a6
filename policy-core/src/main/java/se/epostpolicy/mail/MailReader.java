package se.epostpolicy.mail;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
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
import java.util.stream.Stream;
import se.epostpolicy.MailReadException;
import se.epostpolicy.facts.Address;
import se.epostpolicy.facts.Encryption;
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
    Objects.requireNonNull(sink, "sink");
    forEachMessage(path, source, (name, read) -> sink.accept(read.get()));
  }

  /**
   * Finds every message under {@code path} as {@link #read(Path, String, Consumer)} does, in the
   * same order, but hands each one over before it is parsed: its name, and a task that parses it
   * (holding the raw message, at most {@link ReaderLimits#maxMessageBytes()}), to run on any
   * thread. For callers that read many messages in parallel and keep their order.
   *
   * @param sink receives, per message, its name in outcomes and the task that reads it
   */
  public void forEachMessage(Path path, String source, java.util.function.BiConsumer<String, java.util.function.Supplier<ReadOutcome>> sink) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sink, "sink");
    if (Files.isDirectory(path)) {
      readFolder(path, source, sink);
    } else if (!Files.isRegularFile(path)) {
      sink.accept(source, () -> new ReadOutcome.Unreadable(new MailReadException(source, "no such file or folder")));
    } else if (Mbox.looksLikeMbox(path)) {
      try {
        Mbox.split(path, limits.maxMessageBytes(), (n, bytes) -> sink.accept(source + "#" + n, () -> outcome(source + "#" + n, bytes)));
      } catch (IOException e) {
        sink.accept(source, () -> new ReadOutcome.Unreadable(
            new MailReadException(source, "cannot read mbox: " + e.getClass().getSimpleName(), e)));
      }
    } else {
      sink.accept(source, () -> readFileOutcome(path, source));
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

  private void readFolder(Path folder, String source,
                          java.util.function.BiConsumer<String, java.util.function.Supplier<ReadOutcome>> sink) {
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
      sink.accept(source, () -> new ReadOutcome.Unreadable(
          new MailReadException(source, "cannot list folder: " + e.getClass().getSimpleName(), e)));
      return;
    }
    for (Path f : files) {
      String name = source.endsWith("/") ? source + folder.relativize(f) : source + "/" + folder.relativize(f);
      forEachMessage(f, name, sink);
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
    MimeWalk walk = new MimeWalk(limits, parser);
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

  static String decode(String text) {
    try {
      return MimeUtility.decodeText(text);
    } catch (Exception e) {
      return text;
    }
  }

  private static String subject(MimeMessage message, MimeWalk walk) {
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
  static String subjectOf(MimeMessage message) throws MessagingException {
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

  private static List<Address> addresses(MimeMessage message, String header, MimeWalk walk) {
    String raw;
    try {
      raw = message.getHeader(header, ",");
    } catch (MessagingException e) {
      return List.of();
    }
    if (raw == null || raw.isBlank()) return List.of();
    String value = HeaderValues.unfold(raw);
    List<Address> out = new ArrayList<>();
    if (longestRunWithoutComma(value) > MAX_ADDRESS_CHARS) {
      // jakarta.mail's parser copies the rest of a token per word in it: a comma-less run of a
      // few megabytes took minutes. No address is that long; pick the addresses out instead.
      walk.warn(header + " header holds a run of more than " + MAX_ADDRESS_CHARS
          + " characters without a comma; addresses were picked out leniently");
      looseAddresses(value, out);
      return List.copyOf(out);
    }
    try {
      for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
        addAddress(a, out);
      }
    } catch (AddressException | RuntimeException e) {
      walk.warn(header + " header is malformed; addresses were picked out leniently");
      out.clear();
      looseAddresses(raw, out);
    }
    return List.copyOf(out);
  }

  /** Longer than any real address with its display name (RFC 5322 lines end at 998 characters). */
  static final int MAX_ADDRESS_CHARS = 8_192;

  private static int longestRunWithoutComma(String s) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ',') run = 0;
      else longest = Math.max(longest, ++run);
    }
    return longest;
  }

  /**
   * Every {@code local@domain} in {@code s}, in linear time: from each {@code @}, the local part
   * reaches back over address characters (never past the previous {@code @}) and the domain forward
   * over labels. A regular expression for the same backtracks over long runs without an {@code @}.
   */
  static void looseAddresses(String s, List<Address> out) {
    int floor = 0;
    for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
      if (at < floor) continue;
      int start = at;
      while (start > floor && localChar(s.charAt(start - 1))) start--;
      int end = at + 1;
      int labels = 0;
      // labels of [A-Za-z0-9_-], joined by single dots, as [\w-]+(\.[\w-]+)+
      while (true) {
        int label = end;
        while (end < s.length() && domainChar(s.charAt(end))) end++;
        if (end == label) { end = label > at + 1 ? label - 1 : label; break; } // no label: drop the dot before it
        labels++;
        if (end < s.length() && s.charAt(end) == '.') end++;
        else break;
      }
      if (start < at && labels >= 2) {
        out.add(new Address(s.substring(start, end), ""));
        floor = end;
      } else {
        floor = at + 1;
      }
    }
  }

  private static boolean localChar(char c) {
    return domainChar(c) || ".!#$%&'*+/=?^`{|}~".indexOf(c) >= 0;
  }

  private static boolean domainChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
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


}
