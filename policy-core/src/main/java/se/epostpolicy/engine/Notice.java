package se.epostpolicy.engine;

/**
 * Secondary outcomes; their codes are part of the API.
 *
 * @since 0.1
 */
public enum Notice implements Outcome {
  /** Must be kept (threats); blocks {@link Verdict#DELETE}. */
  DO_NOT_DELETE,
  /** Tell the nearest manager (threats). */
  NOTIFY_MANAGER,
  /** Suspicious mail or suspected malware: do not open, contact IT. */
  REPORT_TO_IT,
  /** First mail from an external sender: tell them how their personal data is handled. */
  INFORM_SENDER_PRIVACY,
  /** Send through 1177, Säker e-post or encryption instead. */
  USE_SECURE_CHANNEL,
  /** Many recipients in To/Cc: put them in Bcc. */
  USE_BCC,
  /** Private, party-internal or union-internal mail: keep it apart. */
  MOVE_TO_SEPARATE_FOLDER,
  /** A request for official documents reached an employee: send it to the authority mailbox. */
  FORWARD_TO_AUTHORITY_MAILBOX,
  /** A request for official documents: answer without delay (skyndsamt). */
  HANDLE_PROMPTLY,
  /** Secret material must leave the mailbox for the storage the records plan names. */
  TRANSFER_TO_RECORDS_STORAGE,
  /**
   * Sensitive content travels only in a way the policy permits (Region Halland's Säker e-post: an
   * encrypted Word, Excel or PowerPoint attachment). Not in the catalogue's table: it records the
   * catalogue's HAL-07 "allowed" as an outcome a person can see.
   */
  SENT_SECURELY,
  /** A layout or signature rule of the organisation is not met (advisory). */
  STYLE,
  /** Nothing decisive fired: a person must assess. */
  REVIEW,
  /**
   * Part of the message could not be read in full, so the verdicts rest on what was read: a person
   * must check it before it is sent or deleted (catalogue BAS-09).
   */
  CONTENT_NOT_READ
}
