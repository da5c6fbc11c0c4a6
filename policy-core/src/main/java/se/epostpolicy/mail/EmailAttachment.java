package se.epostpolicy.mail;

import java.util.Objects;

/**
 * One attachment as read from the message, with the text that could be extracted from it.
 * {@link #toString()} omits the text and the name (a name often carries a person's name or identity number).
 *
 * @param name decoded file name (RFC 2231 and RFC 2047), or an empty string
 * @param declaredType the declared MIME type, lower-case, without parameters
 * @param detectedType the type read from the content (Apache Tika), whatever name and declaration say
 * @param extensionType the type the file name's extension stands for
 * @param size decoded size in bytes
 * @param encrypted the content itself is encrypted
 * @param macros the content is an Office file carrying a VBA project
 * @param text extracted text (text parts, HTML, attached messages), possibly cut at the text limit
 * @param attachedMessage this is an attached {@code message/rfc822}
 * @param entries names of the files inside an archive (ZIP) or container, in order
 * @param read whether its text was read in full (catalogue BAS-09)
 * @since 0.1
 */
public record EmailAttachment(String name, String declaredType, String detectedType, String extensionType, long size,
                              boolean encrypted, boolean macros, String text, boolean attachedMessage, java.util.List<String> entries,
                              se.epostpolicy.facts.ReadStatus read) {

  public EmailAttachment {
    name = name == null ? "" : name;
    Objects.requireNonNull(declaredType, "declaredType");
    Objects.requireNonNull(detectedType, "detectedType");
    Objects.requireNonNull(extensionType, "extensionType");
    text = text == null ? "" : text;
    entries = entries == null ? java.util.List.of() : java.util.List.copyOf(entries);
    read = read == null ? se.epostpolicy.facts.ReadStatus.READ : read;
  }

  @Override
  public String toString() {
    return "EmailAttachment[type=" + detectedType + ", size=" + size + "]";
  }
}
