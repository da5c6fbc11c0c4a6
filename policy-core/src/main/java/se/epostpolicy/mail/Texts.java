package se.epostpolicy.mail;

import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes to text with the declared charset, or the best fallback when it is missing or unknown. */
final class Texts {

  /** Swedish mail without a declared charset is most often Windows-1252 when it is not UTF-8. */
  private static final Charset FALLBACK = Charset.forName("windows-1252");

  private Texts() {}

  static String decode(byte[] bytes, String declared, MailReaderWarnings warnings) {
    Charset cs = charset(declared);
    if (declared != null && cs == null) {
      warnings.warn("unknown charset; text was read as UTF-8 or Windows-1252");
    }
    if (cs == null) cs = isUtf8(bytes) ? StandardCharsets.UTF_8 : FALLBACK;
    return new String(bytes, cs);
  }

  private static Charset charset(String declared) {
    if (declared == null || declared.isBlank()) return null;
    String name = declared.replace("\"", "").trim();
    try {
      String java = MimeUtility.javaCharset(name);
      if (Charset.isSupported(java)) return Charset.forName(java);
    } catch (RuntimeException e) {
      // fall through to the fallback
    }
    return null;
  }

  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
