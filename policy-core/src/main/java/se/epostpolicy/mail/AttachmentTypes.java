package se.epostpolicy.mail;

import java.nio.charset.StandardCharsets;

/**
 * Byte-level checks Tika does not report on every path: an OLE2 container holding an
 * {@code EncryptionInfo} stream (a password-protected OOXML file), a ZIP entry whose encryption
 * flag is set, and an Office file carrying a VBA project.
 */
final class AttachmentTypes {

  private AttachmentTypes() {}

  static boolean encryptedContainer(byte[] b) {
    if (isOle2(b)) return passwordProtectedOffice(b);
    if (b.length > 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) return zipEntryEncrypted(b);
    return false;
  }

  /** An Office document encrypted with a password (OLE2 holding an EncryptionInfo stream). */
  static boolean passwordProtectedOffice(byte[] b) {
    return isOle2(b) && containsUtf16(b, "EncryptionInfo");
  }

  static boolean hasMacros(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1).contains("vbaProject.bin") || (isOle2(b) && containsUtf16(b, "_VBA_PROJECT"));
  }

  /**
   * A CMS (PKCS #7) structure, as an S/MIME part must hold: DER, a SEQUENCE whose first element
   * is an object identifier; or that structure still in base64 when the transfer encoding was
   * not declared.
   */
  static boolean looksLikeCms(byte[] b) {
    if (b.length >= 4 && (b[0] & 0xff) == 0x30) {
      int len = b[1] & 0xff;
      int at = len < 0x80 ? 2 : len == 0x80 ? 2 : 2 + (len & 0x7f);
      return at < b.length && b[at] == 0x06;
    }
    String head = new String(b, 0, Math.min(b.length, 8), StandardCharsets.ISO_8859_1).strip();
    return head.startsWith("MII") || head.startsWith("MIA");
  }

  /** An OpenPGP signature: ASCII-armoured, or a binary packet (tag 2). */
  static boolean looksLikePgpSignature(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, 64), StandardCharsets.ISO_8859_1).strip();
    if (head.startsWith("-----BEGIN PGP SIGNATURE-----")) return true;
    return b.length > 1 && (b[0] & 0x80) != 0 && ((b[0] & 0x40) != 0 ? (b[0] & 0x3f) == 2 : ((b[0] >> 2) & 0x0f) == 2);
  }

  /** A type whose content is text a reader can extract: documents, text, archives. */
  static boolean bearsText(String detectedType) {
    return detectedType.startsWith("text/") || detectedType.equals("application/pdf") || detectedType.equals("application/rtf")
        || detectedType.equals("application/zip") || detectedType.equals("application/msword")
        || detectedType.startsWith("application/vnd.openxmlformats") || detectedType.startsWith("application/vnd.oasis.opendocument")
        || detectedType.startsWith("application/vnd.ms-") || detectedType.startsWith("application/x-tika-");
  }

  private static boolean isOle2(byte[] b) {
    return b.length >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11 && (b[3] & 0xff) == 0xE0;
  }

  /** Bit 0 of a ZIP local file header's general purpose flags marks an encrypted entry. */
  private static boolean zipEntryEncrypted(byte[] b) {
    for (int i = 0; i + 8 < b.length; i++) {
      if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 3 && b[i + 3] == 4 && (b[i + 6] & 1) == 1) return true;
    }
    return false;
  }

  private static boolean containsUtf16(byte[] b, String s) {
    byte[] needle = s.getBytes(StandardCharsets.UTF_16LE);
    outer:
    for (int i = 0; i + needle.length <= b.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (b[i + j] != needle[j]) continue outer;
      }
      return true;
    }
    return false;
  }
}
