package se.epostpolicy.facts;

/**
 * How the message as a whole is protected. Attachments carry their own {@code encrypted} flag.
 *
 * @since 0.1
 */
public enum Encryption {
  NONE,
  /** S/MIME enveloped data ({@code application/pkcs7-mime}, {@code smime.p7m}): body and attachments protected. */
  SMIME_ENCRYPTED,
  /** S/MIME signature only: readable in transit. */
  SMIME_SIGNED,
  /** PGP/MIME ({@code multipart/encrypted}) or an inline {@code BEGIN PGP MESSAGE} block. */
  PGP_ENCRYPTED,
  /** PGP signature only: readable in transit. */
  PGP_SIGNED;

  /** True when the body is unreadable in transit. The subject never is protected. */
  public boolean protectsBody() {
    return this == SMIME_ENCRYPTED || this == PGP_ENCRYPTED;
  }
}
