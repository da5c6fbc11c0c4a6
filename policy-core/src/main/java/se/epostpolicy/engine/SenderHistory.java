package se.epostpolicy.engine;

/**
 * Whether an external sender has written to the recipient before, as the embedding system knows it.
 *
 * @since 0.1
 */
public enum SenderHistory { UNKNOWN, FIRST_CONTACT, HAS_WRITTEN_BEFORE }
