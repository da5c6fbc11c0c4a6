package se.epostpolicy.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Splits an mbox file into messages without holding the whole file: a message starts at a
 * {@code From } line at the top of the file or after an empty line; {@code >From } lines are
 * unescaped (mboxrd). A message over the size limit is passed on as {@code null}.
 */
final class Mbox {

  interface Sink {
    void message(int number, byte[] bytesOrNullWhenTooLarge);
  }

  private Mbox() {}

  static boolean looksLikeMbox(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(5);
      return head.length == 5 && head[0] == 'F' && head[1] == 'r' && head[2] == 'o' && head[3] == 'm' && head[4] == ' ';
    } catch (IOException e) {
      return false;
    }
  }

  /** Lines are buffered up to this length; the rest of a longer line is passed straight through. */
  private static final int LINE_CHUNK = 1 << 16;

  static void split(Path file, long maxMessageBytes, Sink sink) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream current = null;
      boolean tooLarge = false;
      boolean previousBlank = true;
      int number = 0;
      ByteArrayOutputStream line = new ByteArrayOutputStream(256);
      int c = 0;
      while (c != -1) {
        line.reset();
        while ((c = in.read()) != -1 && c != '\n' && line.size() < LINE_CHUNK) line.write(c);
        boolean whole = c == '\n' || c == -1;
        if (c == -1 && line.size() == 0) break;
        if (!whole) line.write(c);
        byte[] l = line.toByteArray();
        int len = whole && l.length > 0 && l[l.length - 1] == '\r' ? l.length - 1 : l.length;
        if (previousBlank && startsWith(l, "From ")) {
          if (current != null) sink.message(number, tooLarge ? null : current.toByteArray());
          number++;
          current = new ByteArrayOutputStream();
          tooLarge = false;
          previousBlank = false;
          if (!whole) skipLine(in);
          continue;
        }
        previousBlank = len == 0;
        if (current == null || tooLarge) {
          if (!whole) skipLine(in);
          continue;
        }
        int start = 0;
        if (l.length > 1 && l[0] == '>') {
          int i = 0;
          while (i < l.length && l[i] == '>') i++;
          if (startsWithAt(l, i, "From ")) start = 1;
        }
        current.write(l, start, len - start);
        if (!whole) tooLarge = copyRestOfLine(in, current, maxMessageBytes);
        if (!tooLarge) current.write('\n');
        if (tooLarge || current.size() > maxMessageBytes) {
          // Past the limit the message is only skipped to its end, never held.
          tooLarge = true;
          current = new ByteArrayOutputStream();
        }
      }
      if (current != null) sink.message(number, tooLarge ? null : current.toByteArray());
    }
  }

  /** Copies the rest of a long line; true (and stops holding it) once the message passes the limit. */
  private static boolean copyRestOfLine(InputStream in, ByteArrayOutputStream current, long max) throws IOException {
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (current.size() >= max) {
        skipLine(in);
        return true;
      }
      current.write(c);
    }
    return false;
  }

  private static void skipLine(InputStream in) throws IOException {
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      // skipped
    }
  }

  private static boolean startsWith(byte[] l, String s) {
    return startsWithAt(l, 0, s);
  }

  private static boolean startsWithAt(byte[] l, int at, String s) {
    if (l.length - at < s.length()) return false;
    for (int i = 0; i < s.length(); i++) {
      if (l[at + i] != s.charAt(i)) return false;
    }
    return true;
  }
}
