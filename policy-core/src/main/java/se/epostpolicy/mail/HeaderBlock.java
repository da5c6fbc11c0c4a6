package se.epostpolicy.mail;

import java.io.ByteArrayOutputStream;

/**
 * Finds where a message's header fields really end. A mail written without the blank line after
 * its header fields would otherwise have its first body lines read as header fields and its body
 * silently lost; here the first line that is no header field (nor a continuation of one) starts
 * the body, as a reader of the raw mail would see it.
 */
final class HeaderBlock {

  private HeaderBlock() {}

  /**
   * {@code raw} unchanged when its header block ends with a blank line (or there is no body), else
   * a copy with a blank line put before the first line that is not a header field.
   */
  static byte[] endAtFirstNonHeaderLine(byte[] raw) {
    int i = 0;
    boolean first = true;
    while (i < raw.length) {
      int end = i;
      while (end < raw.length && raw[end] != '\n') end++;
      int lineEnd = end > i && raw[end - 1] == '\r' ? end - 1 : end;
      if (lineEnd == i) return raw; // the blank line: the header block ends as it should
      byte c = raw[i];
      boolean continuation = !first && (c == ' ' || c == '\t');
      boolean mboxFrom = first && startsWith(raw, i, "From ");
      if (!continuation && !mboxFrom && !fieldLine(raw, i, lineEnd)) {
        if (first) return raw; // not a mail at all; the reader says so
        // A damaged line among the header fields (a broken fold) is followed by more of them; the
        // first line of a body that lost its blank line is not.
        if (knownFieldFollows(raw, end + 1)) {
          i = end + 1;
          continue;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 2);
        out.write(raw, 0, i);
        out.write(i >= 2 && raw[i - 2] == '\r' ? '\r' : '\n');
        if (i >= 2 && raw[i - 2] == '\r') out.write('\n');
        out.write(raw, i, raw.length - i);
        return out.toByteArray();
      }
      first = false;
      i = end + 1;
    }
    return raw;
  }

  private static final java.util.regex.Pattern KNOWN_FIELD = java.util.regex.Pattern.compile(
      "(?i)(from|sender|to|cc|bcc|subject|date|message-id|mime-version|content-type|content-transfer-encoding|"
          + "content-disposition|received|return-path|reply-to|in-reply-to|references)[ \\t]*:");

  /** True when a line from {@code from} up to the first blank line starts with a common header field. */
  private static boolean knownFieldFollows(byte[] raw, int from) {
    int i = from;
    while (i < raw.length) {
      int end = i;
      while (end < raw.length && raw[end] != '\n') end++;
      int lineEnd = end > i && raw[end - 1] == '\r' ? end - 1 : end;
      if (lineEnd == i) return false;
      String head = new String(raw, i, Math.min(lineEnd - i, 40), java.nio.charset.StandardCharsets.ISO_8859_1);
      if (KNOWN_FIELD.matcher(head).lookingAt()) return true;
      i = end + 1;
    }
    return false;
  }

  /**
   * {@code name: value} with a name of printable ASCII other than the colon (RFC 5322 3.6.8),
   * white space allowed before the colon (the obsolete syntax of 4.5).
   */
  private static boolean fieldLine(byte[] raw, int from, int to) {
    int i = from;
    while (i < to && (raw[i] & 0xff) >= 33 && (raw[i] & 0xff) <= 126 && raw[i] != ':') i++;
    if (i == from) return false;
    while (i < to && (raw[i] == ' ' || raw[i] == '\t')) i++;
    return i < to && raw[i] == ':';
  }

  private static boolean startsWith(byte[] raw, int at, String s) {
    if (raw.length - at < s.length()) return false;
    for (int k = 0; k < s.length(); k++) if (raw[at + k] != s.charAt(k)) return false;
    return true;
  }
}
