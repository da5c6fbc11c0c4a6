package se.epostpolicy.mail;

/**
 * Header values unfolded in one pass. jakarta.mail's {@code MimeUtility.unfold} (used by
 * {@code InternetAddress.parseHeader} and {@code MimeMessage.getSubject}) copies the rest of the
 * value at every folded line, so its cost grows with the square of the number of lines: a To field
 * of 100 000 addresses, one a line, took a minute to read.
 */
final class HeaderValues {

  private HeaderValues() {}

  /**
   * The value with its line breaks removed and the white space after each kept, as RFC 5322
   * section 2.2.3 and jakarta.mail unfold. A break with no white space after it (only hand-made
   * values have one) becomes a space, so the result holds no CR or LF and passing it on to
   * jakarta.mail's own unfolding costs one scan.
   */
  static String unfold(String value) {
    int first = firstLineBreak(value);
    if (first < 0) return value;
    StringBuilder out = new StringBuilder(value.length());
    out.append(value, 0, first);
    int n = value.length();
    for (int i = first; i < n; i++) {
      char c = value.charAt(i);
      if (c == '\r' && i + 1 < n && value.charAt(i + 1) == '\n') continue; // CR LF is one break, decided at the LF
      if (c == '\r' || c == '\n') {
        boolean folded = i + 1 < n && (value.charAt(i + 1) == ' ' || value.charAt(i + 1) == '\t');
        if (!folded) out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int firstLineBreak(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n') return i;
    }
    return -1;
  }
}
