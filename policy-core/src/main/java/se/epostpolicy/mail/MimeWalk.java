package se.epostpolicy.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import se.epostpolicy.facts.Encryption;
import se.epostpolicy.facts.ContentLoss;
import se.epostpolicy.facts.ReadStatus;
import se.epostpolicy.internal.Failures;

/**
 * One walk over a message's MIME tree: text bodies, attachments, attached messages and calendar
 * parts, within the reader's limits, noting every loss. One per message; not thread-safe.
 */
final class MimeWalk implements MailReaderWarnings {
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

  MimeWalk(ReaderLimits limits, AttachmentExtractor.DocumentParser parser) {
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
    MimeWalk inner = new MimeWalk(limits, parser);
    inner.textBudget = textBudget;
    inner.openBudget = openBudget;
    inner.part(nested, depth + 1, false);
    openBudget = inner.openBudget;
    String subject = "";
    try {
      subject = MailReader.subjectOf(nested);
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
    } else if (encrypted && AttachmentTypes.passwordProtectedOffice(data)) {
      // Nothing of it can be read without its password; Tika would only spend a hundred thousand
      // hash rounds to try the default one.
      text = "";
    } else {
      AttachmentExtractor.Result r = AttachmentExtractor.extract(data, detected, name, Math.max(1, textBudget), parser);
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
      return name == null ? null : MailReader.decode(name);
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
