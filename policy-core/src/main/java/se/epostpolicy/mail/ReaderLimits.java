package se.epostpolicy.mail;

/**
 * The bounds that keep reading safe on hostile input. A message over {@code maxMessageBytes} is
 * refused with a {@link se.epostpolicy.MailReadException}; deeper nesting and longer text are cut,
 * attachments past {@code maxOpenedAttachments} are listed without being opened, and each cut is
 * named in {@link Email#warnings()}.
 *
 * @param maxMessageBytes largest raw message read (default 50 MiB)
 * @param maxMimeDepth deepest multipart or attached-message nesting walked (default 16)
 * @param maxTextChars most characters of text scanned per message, all parts together (default 2 000 000)
 * @param maxAttachmentBytes most bytes read of one attachment for type and text (default 25 MiB)
 * @param maxOpenedAttachments most attachments per message whose content is opened: type read from
 *     the content, text, encryption, macros, archive entries (default 1 000). Every attachment is
 *     still counted and listed with its name, declared type and size, so the count and whatever
 *     the name says stay exact; what only the content of a later one would tell is not read.
 * @since 0.1
 */
public record ReaderLimits(long maxMessageBytes, int maxMimeDepth, int maxTextChars, int maxAttachmentBytes,
                           int maxOpenedAttachments) {

  private static final int DEFAULT_MAX_OPENED_ATTACHMENTS = 1_000;

  /** Defaults suited to an authority's mail: generous for real mail, bounded for bombs. */
  public static final ReaderLimits DEFAULTS = new ReaderLimits(50L << 20, 16, 2_000_000, 25 << 20, DEFAULT_MAX_OPENED_ATTACHMENTS);

  public ReaderLimits {
    if (maxMessageBytes < 1 || maxMimeDepth < 1 || maxTextChars < 1 || maxAttachmentBytes < 1 || maxOpenedAttachments < 1) {
      throw new IllegalArgumentException("every reader limit must be positive");
    }
  }

  /** Limits with the default {@code maxOpenedAttachments}, as before that bound existed. */
  public ReaderLimits(long maxMessageBytes, int maxMimeDepth, int maxTextChars, int maxAttachmentBytes) {
    this(maxMessageBytes, maxMimeDepth, maxTextChars, maxAttachmentBytes, DEFAULT_MAX_OPENED_ATTACHMENTS);
  }

  public ReaderLimits withMaxMessageBytes(long v) { return new ReaderLimits(v, maxMimeDepth, maxTextChars, maxAttachmentBytes, maxOpenedAttachments); }
  public ReaderLimits withMaxMimeDepth(int v) { return new ReaderLimits(maxMessageBytes, v, maxTextChars, maxAttachmentBytes, maxOpenedAttachments); }
  public ReaderLimits withMaxTextChars(int v) { return new ReaderLimits(maxMessageBytes, maxMimeDepth, v, maxAttachmentBytes, maxOpenedAttachments); }
  public ReaderLimits withMaxAttachmentBytes(int v) { return new ReaderLimits(maxMessageBytes, maxMimeDepth, maxTextChars, v, maxOpenedAttachments); }
  public ReaderLimits withMaxOpenedAttachments(int v) { return new ReaderLimits(maxMessageBytes, maxMimeDepth, maxTextChars, maxAttachmentBytes, v); }
}
