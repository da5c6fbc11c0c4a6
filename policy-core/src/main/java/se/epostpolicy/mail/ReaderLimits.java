package se.epostpolicy.mail;

/**
 * The bounds that keep reading safe on hostile input. A message over {@code maxMessageBytes} is
 * refused with a {@link se.epostpolicy.MailReadException}; deeper nesting and longer text are cut,
 * and the cut is named in {@link Email#warnings()}.
 *
 * @param maxMessageBytes largest raw message read (default 50 MiB)
 * @param maxMimeDepth deepest multipart or attached-message nesting walked (default 16)
 * @param maxTextChars most characters of text scanned per message, all parts together (default 2 000 000)
 * @param maxAttachmentBytes most bytes read of one attachment for type and text (default 25 MiB)
 * @since 0.1
 */
public record ReaderLimits(long maxMessageBytes, int maxMimeDepth, int maxTextChars, int maxAttachmentBytes) {

  /** Defaults suited to an authority's mail: generous for real mail, bounded for bombs. */
  public static final ReaderLimits DEFAULTS = new ReaderLimits(50L << 20, 16, 2_000_000, 25 << 20);

  public ReaderLimits {
    if (maxMessageBytes < 1 || maxMimeDepth < 1 || maxTextChars < 1 || maxAttachmentBytes < 1) {
      throw new IllegalArgumentException("every reader limit must be positive");
    }
  }

  public ReaderLimits withMaxMessageBytes(long v) { return new ReaderLimits(v, maxMimeDepth, maxTextChars, maxAttachmentBytes); }
  public ReaderLimits withMaxMimeDepth(int v) { return new ReaderLimits(maxMessageBytes, v, maxTextChars, maxAttachmentBytes); }
  public ReaderLimits withMaxTextChars(int v) { return new ReaderLimits(maxMessageBytes, maxMimeDepth, v, maxAttachmentBytes); }
  public ReaderLimits withMaxAttachmentBytes(int v) { return new ReaderLimits(maxMessageBytes, maxMimeDepth, maxTextChars, v); }
}
