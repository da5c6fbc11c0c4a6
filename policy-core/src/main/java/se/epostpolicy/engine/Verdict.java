package se.epostpolicy.engine;

/**
 * The four answers the library exists for.
 *
 * @since 0.1
 */
public enum Verdict implements Outcome {
  /** Diarieföra: an official document of importance; register it without delay. */
  REGISTER,
  /** Journalföra: care information about a patient; enter it in the patient record. */
  JOURNAL,
  /** Radera/gallra: may be deleted (after journaling or registering, where those also apply). */
  DELETE,
  /** Får inte skickas: an outgoing message that policy forbids sending by ordinary e-mail. */
  FORBIDDEN_TO_SEND
}
