package se.epostpolicy.facts;

/**
 * The part of a mail's structure a piece of text belongs to, beside its {@link Location}. Quoted
 * and forwarded text is sent content like the author's own (catalogue reading 31); a signature
 * never makes a person identified, and a disclaimer is never a marking (reading 20).
 *
 * @since 0.2
 */
public enum Zone {
  /** What the author wrote in this message; also the subject and attached documents. */
  OWN_TEXT,
  /** Earlier messages quoted in a reply: {@code >} lines, "Den … skrev:", Outlook's "Från:/Skickat:" block. */
  QUOTED,
  /** A message forwarded inline ("Vidarebefordrat meddelande", "Begin forwarded message"). */
  FORWARDED,
  /** The sender's signature block: closing, name, title, unit, phone, address. */
  SIGNATURE,
  /** A standard footer: confidentiality disclaimer, wrong-recipient notice, privacy notice. */
  DISCLAIMER,
  /** An attached message ({@code message/rfc822}) and its attachments. */
  ATTACHED_MESSAGE,
  /** A calendar invitation ({@code text/calendar}). */
  CALENDAR;

  /** True for text that was written elsewhere and travels with this message. */
  public boolean history() {
    return this == QUOTED || this == FORWARDED || this == ATTACHED_MESSAGE;
  }
}
