package se.epostpolicy.engine;

/**
 * The state of the case a message belongs to, as the embedding system knows it. A message cannot
 * say this of itself.
 *
 * @since 0.1
 */
public enum CaseStatus { UNKNOWN, NOT_STARTED, ONGOING, CLOSED }
