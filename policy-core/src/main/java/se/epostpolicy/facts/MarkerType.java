package se.epostpolicy.facts;

/**
 * The kinds of content the policies react to, as named in the policy catalogue's "Facts" section.
 * Rule files test these names; detectors find them.
 *
 * @since 0.1
 */
public enum MarkerType {
  /** Personnummer, validated by calendar date and Luhn. */
  PERSONNUMMER,
  /** Samordningsnummer: a personnummer with day + 60. */
  SAMORDNINGSNUMMER,
  /** Care of an identifiable patient: diagnosis, journal entry, epikris, provsvar, medical remiss. */
  PATIENT_DATA,
  /** A named or identified person's health. */
  HEALTH_DATA,
  /** GDPR art. 9 data about a person. */
  SENSITIVE_PERSONAL_DATA,
  /** A social services case about a person. */
  SOCIAL_CARE_CLIENT,
  /** The message or attachment is itself declared confidential (sekretessmarkering). */
  CONFIDENTIALITY_MARKING,
  /** Bids, prices or supplier data in an ongoing procurement. */
  PROCUREMENT_SUPPLIER_DATA,
  /** Personal judgements about a named person. */
  PERSONAL_ASSESSMENT,
  /** Threats against staff or the organisation. */
  THREAT,
  /** A request to see official documents, e-mails or an e-mail log. */
  DISCLOSURE_REQUEST,
  /** Kallelse or påminnelse about a care appointment. */
  APPOINTMENT_NOTICE,
  /** A diary or case number (Dnr). */
  CASE_REFERENCE,
  /** Ansökan, anmälan, överklagande, klagomål, yttrande, beslut, avtal, anbud, synpunkt. */
  FORMAL_DOCUMENT,
  /** Utkast, skiss, underlag: working material. */
  WORKING_MATERIAL,
  /** Private matters unrelated to the service. */
  PRIVATE,
  /** Internal party-group or trade-union-club messages. */
  PARTY_OR_UNION_INTERNAL,
  /** "Skicka vidare till alla du känner". */
  CHAIN_LETTER,
  /** A (hoax) virus warning being passed on. */
  VIRUS_WARNING,
  /** An automatic reply that says the sender is ill. */
  SICKNESS_DISCLOSURE,
  /** Sign-up or confirmation mail from a non-work web service. */
  SERVICE_SIGNUP
}
