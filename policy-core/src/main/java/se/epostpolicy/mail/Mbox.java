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

  static void split(Path file, long maxMessageBytes, Sink sink) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream current = null;
      boolean tooLarge = false;
      boolean previousBlank = true;
      int number = 0;
      ByteArrayOutputStream line = new ByteArrayOutputStream(256);
      int c;
      boolean eof = false;
      while (!eof) {
        line.reset();
        while ((c = in.read()) != -1 && c != '\n') line.write(c);
        eof = c == -1;
        if (eof && line.size() == 0) break;
        byte[] l = line.toByteArray();
        int len = l.length > 0 && l[l.length - 1] == '\r' ? l.length - 1 : l.length;
        if (previousBlank && startsWith(l, "From ")) {
          if (current != null) sink.message(number, tooLarge ? null : current.toByteArray());
          number++;
          current = new ByteArrayOutputStream();
          tooLarge = false;
          previousBlank = false;
          continue;
        }
        previousBlank = len == 0;
        if (current == null) continue;
        if (tooLarge) continue;
        int start = 0;
        if (l.length > 1 && l[0] == '>') {
          int i = 0;
          while (i < l.length && l[i] == '>') i++;
          if (startsWithAt(l, i, "From ")) start = 1;
        }
        current.write(l, start, len - start);
        current.write('\n');
        if (current.size() > maxMessageBytes) {
          tooLarge = true;
          current = new ByteArrayOutputStream();
        }
      }
      if (current != null) sink.message(number, tooLarge ? null : current.toByteArray());
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
