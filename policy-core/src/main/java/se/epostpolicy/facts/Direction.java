package se.epostpolicy.facts;

/**
 * Which way a message goes, seen from the organisation.
 *
 * @since 0.1
 */
public enum Direction {
  /** The sender is external. */
  INBOUND,
  /** The sender is internal and at least one recipient is external. */
  OUTBOUND,
  /** The sender and every recipient are internal. */
  INTERNAL
}
