package se.epostpolicy.mail;

import java.util.Objects;

/**
 * One attachment as read from the message, with the text that could be extracted from it.
 * {@link #toString()} omits the text.
 *
 * @param name decoded file name (RFC 2231 and RFC 2047), or an empty string
 * @param declaredType the declared MIME type, lower-case, without parameters
 * @param detectedType the type read from the content's first bytes
 * @param size decoded size in bytes
 * @param encrypted the content itself is encrypted
 * @param macros the content is an Office file carrying a VBA project
 * @param text extracted text (text parts, HTML, attached messages), possibly cut at the text limit
 * @param attachedMessage this is an attached {@code message/rfc822}
 * @since 0.1
 */
public record EmailAttachment(String name, String declaredType, String detectedType, long size,
                              boolean encrypted, boolean macros, String text, boolean attachedMessage) {

  public EmailAttachment {
    name = name == null ? "" : name;
    Objects.requireNonNull(declaredType, "declaredType");
    Objects.requireNonNull(detectedType, "detectedType");
    text = text == null ? "" : text;
  }

  @Override
  public String toString() {
    return "EmailAttachment[name=" + name + ", type=" + detectedType + ", size=" + size + "]";
  }
}
