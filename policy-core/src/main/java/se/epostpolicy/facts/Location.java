package se.epostpolicy.facts;

/**
 * Where in a message a marker was found.
 *
 * @since 0.1
 */
public enum Location {
  SUBJECT,
  BODY,
  ATTACHMENT,
  ATTACHMENT_NAME
}
