package se.epostpolicy.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Damage PDFBox repairs in silence. PDFBox reads broken PDFs leniently: a file cut short or with
 * objects overwritten parses without an error and gives less text, or none, so a truncated
 * referral would pass as an empty one. A PDF is whole when it ends with its end-of-file marker
 * and every object its cross-reference table lists can be read.
 */
final class PdfStructure {

  private PdfStructure() {}

  private static final java.util.regex.Pattern STARTXREF = java.util.regex.Pattern.compile("startxref\\s+(\\d{1,10})");
  private static final java.util.regex.Pattern SUBSECTION = java.util.regex.Pattern.compile("\\G\\s*(\\d{1,10}) (\\d{1,7})\\s*\\r?\\n");
  private static final java.util.regex.Pattern ENTRY = java.util.regex.Pattern.compile("\\G(\\d{10}) (\\d{5}) ([nf])\\s{1,2}");
  /** Writers often get an offset a little wrong; PDF readers look nearby, and so does this check. */
  private static final int SLACK = 64;

  /**
   * The last classic cross-reference section lists where each object starts; in a PDF whose
   * middle was overwritten those places hold no object any more. Xref streams (PDF 1.5) are left
   * to PDFBox's own reading.
   */
  private static String misplacedObjects(byte[] pdf, String end) {
    java.util.regex.Matcher m = STARTXREF.matcher(end);
    String offset = null;
    while (m.find()) offset = m.group(1);
    if (offset == null) return null;
    long at = Long.parseLong(offset);
    if (at >= pdf.length) return "its cross-reference table lies beyond its end";
    String rest = new String(pdf, (int) at, Math.min(pdf.length - (int) at, 1 << 20), StandardCharsets.ISO_8859_1);
    if (!rest.startsWith("xref")) return null;
    int pos = 4;
    int missing = 0;
    java.util.regex.Matcher sub = SUBSECTION.matcher(rest);
    java.util.regex.Matcher entry = ENTRY.matcher(rest);
    while (sub.find(pos)) {
      long number = Long.parseLong(sub.group(1));
      int count = Integer.parseInt(sub.group(2));
      pos = sub.end();
      for (int i = 0; i < count && entry.find(pos); i++, number++) {
        pos = entry.end();
        if (entry.group(3).equals("n") && !objectNear(pdf, Long.parseLong(entry.group(1)), number)) missing++;
      }
    }
    return missing == 0 ? null : missing + " of its objects are not where its cross-reference table says";
  }

  private static boolean objectNear(byte[] pdf, long offset, long number) {
    int from = (int) Math.max(0, offset - SLACK);
    int to = (int) Math.min(pdf.length, offset + SLACK + 24);
    if (from >= to) return false;
    String window = new String(pdf, from, to - from, StandardCharsets.ISO_8859_1);
    return java.util.regex.Pattern.compile("(?<!\\d)" + number + "\\s+\\d+\\s+obj").matcher(window).find();
  }

  /** A stream that inflates past this many bytes, and a hundredfold its size, is a bomb. */
  static final long MAX_INFLATED_STREAM = 64L << 20;
  private static final byte[] STREAM = "stream".getBytes(StandardCharsets.ISO_8859_1);

  /**
   * Why {@code pdf} must not be handed to a parser, or {@code null}: a Flate stream that inflates
   * a hundredfold and past {@link #MAX_INFLATED_STREAM}. PDFBox inflates a content stream whole
   * before it reads it, so a 1 MB PDF can make it work through a gigabyte; this measures each
   * stream by inflating it into nothing, stopping at the limit.
   */
  static String inflationBomb(byte[] pdf) {
    byte[] sink = new byte[1 << 16];
    for (int i = indexOf(pdf, STREAM, 0); i >= 0; i = indexOf(pdf, STREAM, i + 1)) {
      int start = i + STREAM.length;
      if (start < pdf.length && pdf[start] == '\r') start++;
      if (start >= pdf.length || pdf[start] != '\n') continue;
      start++;
      String dictionary = new String(pdf, Math.max(0, i - 512), Math.min(512, i), StandardCharsets.ISO_8859_1);
      if (!dictionary.contains("FlateDecode")) continue;
      java.util.zip.Inflater inflater = new java.util.zip.Inflater();
      try {
        inflater.setInput(pdf, start, pdf.length - start);
        long out = 0;
        while (!inflater.finished() && out <= MAX_INFLATED_STREAM) {
          int n = inflater.inflate(sink);
          if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
          out += n;
        }
        long in = Math.max(1, inflater.getBytesRead());
        if (out > MAX_INFLATED_STREAM && out / in >= 100) {
          return "a compressed stream inflates past " + (MAX_INFLATED_STREAM >> 20) + " MB from " + in / 1024 + " KB";
        }
      } catch (java.util.zip.DataFormatException e) {
        // not a Flate stream after all, or damaged: the parser will say
      } finally {
        inflater.end();
      }
    }
    return null;
  }

  private static int indexOf(byte[] data, byte[] needle, int from) {
    outer:
    for (int i = from; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) if (data[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }

  /** Why {@code pdf} is damaged, in a few words, or {@code null} when it is whole. */
  static String damage(byte[] pdf) {
    int tail = Math.max(0, pdf.length - 2048);
    String end = new String(pdf, tail, pdf.length - tail, StandardCharsets.ISO_8859_1);
    if (!end.contains("%%EOF")) return "truncated (no end-of-file marker)";
    String offsets = misplacedObjects(pdf, end);
    if (offsets != null) return offsets;
    try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBuffer(pdf))) {
      COSDocument cos = doc.getDocument();
      int broken = 0;
      for (COSObjectKey key : cos.getXrefTable().keySet()) {
        COSObject object = cos.getObjectFromPool(key);
        COSBase value = object == null ? null : object.getObject();
        if (value == null || value instanceof COSNull) broken++;
      }
      return broken == 0 ? null : broken + " of its objects cannot be read";
    } catch (IOException | RuntimeException e) {
      return "its structure cannot be read (" + e.getClass().getSimpleName() + ")";
    }
  }
}
