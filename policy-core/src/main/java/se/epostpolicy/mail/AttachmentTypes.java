package se.epostpolicy.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads an attachment's real type and whether it is encrypted from its bytes, not from its name.
 * A first cut: PDF, ZIP-based Office and OpenDocument files, OLE2 containers, Windows executables,
 * RTF, HTML and common images.
 */
final class AttachmentTypes {

  static final String OCTET = "application/octet-stream";

  private AttachmentTypes() {}

  static String detect(byte[] b, String declared) {
    if (startsWith(b, "%PDF")) return "application/pdf";
    if (startsWith(b, "PK\u0003\u0004")) return zipType(b);
    if (b.length >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11 && (b[3] & 0xff) == 0xE0) {
      return containsUtf16(b, "EncryptionInfo") ? "application/x-ooxml-encrypted" : "application/x-ole-storage";
    }
    if (startsWith(b, "MZ")) return "application/x-msdownload";
    if (startsWith(b, "{\\rtf")) return "application/rtf";
    if (startsWith(b, "\u0089PNG")) return "image/png";
    if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) return "image/jpeg";
    if (startsWith(b, "GIF8")) return "image/gif";
    if (startsWith(b, "Rar!")) return "application/x-rar-compressed";
    String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.ISO_8859_1).trim().toLowerCase(Locale.ROOT);
    if (head.startsWith("<!doctype html") || head.startsWith("<html")) return "text/html";
    if (declared.startsWith("text/") && !looksBinary(b)) return declared.equals("text/html") ? "text/html" : "text/plain";
    return b.length == 0 ? "application/x-empty" : OCTET;
  }

  private static String zipType(byte[] b) {
    String names = new String(b, 0, Math.min(b.length, 1 << 20), StandardCharsets.ISO_8859_1);
    if (names.contains("mimetypeapplication/vnd.oasis.opendocument")) return "application/vnd.oasis.opendocument";
    if (names.contains("word/")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (names.contains("xl/")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (names.contains("ppt/")) return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    return "application/zip";
  }

  static boolean encrypted(byte[] b, String detected) {
    switch (detected) {
      case "application/pdf":
        return new String(b, StandardCharsets.ISO_8859_1).contains("/Encrypt");
      case "application/x-ooxml-encrypted":
        return true;
      case "application/zip":
        return zipEntryEncrypted(b);
      default:
        return false;
    }
  }

  static boolean hasMacros(byte[] b, String detected) {
    if (detected.startsWith("application/vnd.openxmlformats") || detected.equals("application/x-ole-storage")) {
      return new String(b, StandardCharsets.ISO_8859_1).contains("vbaProject.bin") || containsUtf16(b, "_VBA_PROJECT");
    }
    return false;
  }

  /** Bit 0 of a ZIP local file header's flags marks an encrypted entry. */
  private static boolean zipEntryEncrypted(byte[] b) {
    for (int i = 0; i + 8 < b.length; i++) {
      if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 3 && b[i + 3] == 4 && (b[i + 6] & 1) == 1) return true;
    }
    return false;
  }

  private static boolean startsWith(byte[] b, String magic) {
    if (b.length < magic.length()) return false;
    for (int i = 0; i < magic.length(); i++) {
      if ((b[i] & 0xff) != magic.charAt(i)) return false;
    }
    return true;
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

  private static boolean looksBinary(byte[] b) {
    int n = Math.min(b.length, 4096);
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) return true;
    }
    return false;
  }
}
