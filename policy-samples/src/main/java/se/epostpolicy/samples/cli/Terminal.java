package se.epostpolicy.samples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * Prints to a terminal so that nothing read out of a mail can act on it: control characters (C0,
 * DEL, C1, so every ESC sequence), format characters (bidi overrides, embeddings, isolates and
 * marks, zero-width characters), line and paragraph separators and lone surrogates in any argument
 * are shown escaped (<code>&#92;u001b</code>, <code>&#92;n</code>), so a subject cannot clear the screen, set the
 * window title, turn a line around or forge a line of output. Formats are the program's own and
 * are printed as they are. The one helper of every printer of mail-derived text; {@link JsonOutput}
 * escapes the same characters in JSON.
 */
final class Terminal {

  private final PrintWriter out;

  Terminal(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** {@code format} filled with {@code args}, each shown escaped (numbers and booleans as they are). */
  void printf(String format, Object... args) {
    out.printf(format, escaped(args));
  }

  /** {@link #printf(String, Object...)} with numbers formatted for {@code locale}. */
  void printf(Locale locale, String format, Object... args) {
    out.printf(locale, format, escaped(args));
  }

  private static Object[] escaped(Object[] args) {
    Object[] safe = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      safe[i] = a == null || a instanceof Number || a instanceof Boolean ? a : escape(a.toString());
    }
    return safe;
  }

  /** One line: {@code text} escaped, then a line break. */
  void println(String text) {
    out.println(escape(text));
  }

  void println() {
    out.println();
  }

  void flush() {
    out.flush();
  }

  /** True for a code point a terminal may act on or that changes how text around it is shown. */
  static boolean unsafe(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE -> true;
      default -> false;
    };
  }

  /** {@code text} with every {@link #unsafe} code point escaped: <code>&#92;n &#92;r &#92;t</code>, else <code>&#92;uXXXX</code> per UTF-16 unit. */
  static String escape(String text) {
    int i = 0;
    while (i < text.length() && !unsafe(text.codePointAt(i))) i += Character.charCount(text.codePointAt(i));
    if (i == text.length()) return text;
    StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      if (!unsafe(cp)) {
        sb.append(text, i, i + n);
      } else if (cp == '\n') {
        sb.append("\\n");
      } else if (cp == '\r') {
        sb.append("\\r");
      } else if (cp == '\t') {
        sb.append("\\t");
      } else {
        for (int j = i; j < i + n; j++) sb.append(String.format("\\u%04x", (int) text.charAt(j)));
      }
      i += n;
    }
    return sb.toString();
  }
}
