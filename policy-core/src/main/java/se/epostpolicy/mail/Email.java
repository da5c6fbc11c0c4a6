package se.epostpolicy.mail;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import se.epostpolicy.facts.Address;
import se.epostpolicy.facts.ContentLoss;
import se.epostpolicy.facts.Encryption;

/**
 * A parsed message: decoded headers, addresses, text and attachments, independent of any
 * organisation. {@link #toString()} shows no subject or text, so an {@code Email} is safe to log.
 *
 * @param source where it came from ({@code path}, {@code path#N} for an mbox entry)
 * @param headers every header field, name lower-cased, values unfolded and RFC 2047-decoded
 * @param from the first From address, or {@code null} when there is none
 * @param to To addresses
 * @param cc Cc addresses
 * @param bcc Bcc addresses
 * @param resentFrom Resent-From (or Resent-Sender) addresses of a forward by the server
 * @param resentTo Resent-To, Resent-Cc and Resent-Bcc addresses
 * @param subject the decoded subject, or an empty string
 * @param date the Date header, or {@code null}
 * @param plainText the plain-text body parts, joined
 * @param htmlText the HTML body parts as text, joined
 * @param attachments every attachment, attached messages and their attachments included
 * @param inlineImages images shown inline in the body
 * @param backgroundImage the HTML body sets a background image
 * @param encryption how the whole message is protected
 * @param sizeBytes size of the raw message
 * @param warnings what could not be read fully (a charset replaced, text cut at the limit); never content
 * @param links the links of the HTML body: shown text and target
 * @param unread the parts not read in full (catalogue BAS-09); empty when every part was
 * @since 0.1
 */
public record Email(String source, Map<String, List<String>> headers, Address from, List<Address> to,
                    List<Address> cc, List<Address> bcc, List<Address> resentFrom, List<Address> resentTo,
                    String subject, Instant date, String plainText, String htmlText,
                    List<EmailAttachment> attachments, int inlineImages, boolean backgroundImage,
                    Encryption encryption, long sizeBytes, List<String> warnings, List<Link> links,
                    List<ContentLoss> unread) {

  /**
   * A link in an HTML body.
   *
   * @param text the text shown to the reader
   * @param target the {@code href}
   */
  public record Link(String text, String target) {
    @Override
    public String toString() {
      return "Link[" + target.length() + " chars]";
    }
  }

  public Email {
    Objects.requireNonNull(source, "source");
    headers = Map.copyOf(headers);
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    bcc = List.copyOf(bcc);
    resentFrom = List.copyOf(resentFrom);
    resentTo = List.copyOf(resentTo);
    subject = subject == null ? "" : subject;
    plainText = plainText == null ? "" : plainText;
    htmlText = htmlText == null ? "" : htmlText;
    attachments = List.copyOf(attachments);
    Objects.requireNonNull(encryption, "encryption");
    warnings = List.copyOf(warnings);
    links = links == null ? List.of() : List.copyOf(links);
    unread = unread == null ? List.of() : List.copyOf(unread);
  }

  /** True when some part was not read in full, so a decision on it rests on part of the message. */
  public boolean contentNotRead() {
    return !unread.isEmpty();
  }

  /** The values of a header field, matched without regard to case; empty when absent. */
  public List<String> header(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** The first value of a header field, or an empty string. */
  public String firstHeader(String name) {
    List<String> values = header(name);
    return values.isEmpty() ? "" : values.get(0);
  }

  @Override
  public String toString() {
    return "Email[source=" + source + ", attachments=" + attachments.size() + ", size=" + sizeBytes + "]";
  }
}
