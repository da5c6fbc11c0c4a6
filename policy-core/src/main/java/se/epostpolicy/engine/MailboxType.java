package se.epostpolicy.engine;

/**
 * The kind of mailbox a message was found in, as the embedding system knows it.
 *
 * @since 0.1
 */
public enum MailboxType {
  UNKNOWN,
  /** An employee's own mailbox. */
  PERSONAL,
  /** A function mailbox (funktionsbrevlåda) shared by a team. */
  FUNCTION,
  /** The authority's official mailbox (myndighetsbrevlåda). */
  AUTHORITY
}
