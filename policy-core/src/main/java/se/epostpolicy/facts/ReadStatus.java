package se.epostpolicy.facts;

/**
 * Whether the text of a part of a message was read in full (catalogue BAS-09). Anything but
 * {@link #READ} means a decision rests on part of the message only, so a person must look before
 * it is sent or deleted.
 *
 * <p>Encrypted content is {@link #READ}: it is protected, not unread. So are images and programs,
 * of which no text is expected.
 *
 * @since 0.2
 */
public enum ReadStatus {
  /** Read in full, or nothing to read. */
  READ,
  /** Read up to a size or text limit; the rest was not scanned. */
  CUT,
  /** Damaged or truncated: the reader could not get (all) the text out. */
  DAMAGED,
  /** Not opened: nested too deep, an archive entry after a bomb, a parser that ran out of memory. */
  NOT_OPENED,
  /** The label hides what it is: clear text labelled as encrypted or as a signature, a document labelled as an image. */
  MISLABELLED;

  /** True unless the part was read in full. */
  public boolean unread() {
    return this != READ;
  }

  /** The worse of two statuses, so that one unread piece marks the whole part. */
  public ReadStatus worst(ReadStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
