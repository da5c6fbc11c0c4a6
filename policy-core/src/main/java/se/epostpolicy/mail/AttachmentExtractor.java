package se.epostpolicy.mail;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseRecord;
import org.apache.tika.parser.pdf.PDFParserConfig;
import se.epostpolicy.facts.ReadStatus;
import se.epostpolicy.internal.Failures;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads an attachment's real type and text with Apache Tika: PDF, Word/Excel/PowerPoint (OOXML
 * and legacy), OpenDocument, RTF, HTML, text, CSV and ZIP (entries listed and read). Tika reports
 * password-protected documents and encrypted ZIP entries as encrypted and stops zip bombs; text is
 * cut at the limit. A document Tika cannot read gives a warning, never an exception. Thread-safe.
 */
final class AttachmentExtractor {

  /**
   * What Tika made of one attachment.
   *
   * @param read whether the text was read in full
   * @param problem why not, in a few words naming no content; {@code null} when read
   */
  record Result(String detectedType, String extensionType, String text, boolean encrypted, List<String> entries,
                ReadStatus read, String problem) {}

  private static final TikaConfig CONFIG = TikaConfig.getDefaultConfig();
  private static final Detector DETECTOR = CONFIG.getDetector();
  private static final MimeTypes TYPES = CONFIG.getMimeRepository();
  private static final AutoDetectParser PARSER = new AutoDetectParser(CONFIG);

  /** Archives and documents inside documents deeper than this are not opened. */
  static final int MAX_EMBEDDED_DEPTH = 8;
  /** PDFBox keeps at most this much of a PDF in memory and spills the rest to a temporary file. */
  static final long PDF_MAIN_MEMORY_BYTES = 32L << 20;

  static {
    // Tika's own bounds for one parse: text per byte of input (archive bombs), and how deep
    // documents and archive entries nest. Output is bounded by the text limit of each call.
    AutoDetectParserConfig bounds = new AutoDetectParserConfig();
    bounds.setOutputThreshold(1L << 20);
    bounds.setMaximumCompressionRatio(100);
    bounds.setMaximumDepth(MAX_EMBEDDED_DEPTH);
    bounds.setMaximumPackageEntryDepth(MAX_EMBEDDED_DEPTH);
    PARSER.setAutoDetectParserConfig(bounds);
  }

  private AttachmentExtractor() {}

  /** The type of {@code data} read from its content alone, without regard to name or declaration. */
  static String detect(byte[] data) {
    try (TikaInputStream in = TikaInputStream.get(data)) {
      String type = DETECTOR.detect(in, new Metadata()).getBaseType().toString();
      // A broken container can make a detector read a type name out of garbage.
      return WELL_FORMED_TYPE.matcher(type).matches() ? type : MediaType.OCTET_STREAM.toString();
    } catch (IOException | RuntimeException e) {
      return MediaType.OCTET_STREAM.toString();
    }
  }

  private static final java.util.regex.Pattern WELL_FORMED_TYPE =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9.+_-]*/[a-z0-9][a-z0-9.+_-]*");

  /** The type a file name's extension stands for, or {@code application/octet-stream}. */
  static String typeOfName(String name) {
    if (name == null || name.isBlank()) return MediaType.OCTET_STREAM.toString();
    return TYPES.getMimeType(name.trim().toLowerCase(Locale.ROOT)).getType().getBaseType().toString();
  }

  static Result extract(byte[] data, String name, int maxChars) {
    String detected = detect(data);
    String byName = typeOfName(name);
    if (detected.equals("application/pdf")) {
      String bomb = PdfStructure.inflationBomb(data);
      if (bomb != null) return new Result(detected, byName, "", false, List.of(), ReadStatus.NOT_OPENED, "not opened: " + bomb);
    }
    List<String> entries = new ArrayList<>();
    boolean[] encrypted = {false};
    BodyContentHandler handler = new BodyContentHandler(Math.max(1, maxChars));
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name == null ? "" : name);
    ParseContext context = new ParseContext();
    context.set(Parser.class, PARSER);
    ParseRecord record = new ParseRecord();
    context.set(ParseRecord.class, record);
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setMaxMainMemoryBytes(PDF_MAIN_MEMORY_BYTES);
    context.set(PDFParserConfig.class, pdf);
    context.set(EmbeddedDocumentExtractor.class, new ParsingEmbeddedDocumentExtractor(context) {
      @Override
      public void parseEmbedded(InputStream stream, ContentHandler h, Metadata m, boolean outputHtml)
          throws SAXException, IOException {
        String entry = m.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (entry != null && !entry.isBlank()) entries.add(entry);
        try {
          super.parseEmbedded(stream, h, m, outputHtml);
        } catch (IOException | SAXException | RuntimeException e) {
          if (isEncrypted(e)) encrypted[0] = true;
          else throw e;
        }
      }
    });
    ReadStatus read = ReadStatus.READ;
    String problem = null;
    try (TikaInputStream in = TikaInputStream.get(data)) {
      PARSER.parse(in, handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      encrypted[0] = true;
    } catch (SAXException e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        read = ReadStatus.CUT;
        problem = "text beyond " + maxChars + " characters was not read";
      } else if (isEncrypted(e)) {
        encrypted[0] = true;
      } else {
        read = bomb(e) ? ReadStatus.NOT_OPENED : ReadStatus.DAMAGED;
        problem = describe(e);
      }
    } catch (TikaException | IOException | RuntimeException e) {
      if (isEncrypted(e)) {
        encrypted[0] = true;
      } else {
        read = bomb(e) ? ReadStatus.NOT_OPENED : ReadStatus.DAMAGED;
        problem = describe(e);
      }
    } catch (Error e) {
      // A parser that overflows the stack or runs out of memory on one document: that document
      // is not opened, the message and the batch go on.
      Failures.rethrowFatal(e);
      read = ReadStatus.NOT_OPENED;
      problem = Failures.describe(e);
    }
    if (read == ReadStatus.READ) {
      // Documents inside the document (archive entries, embedded files) that failed: Tika notes
      // them and goes on, so the text is incomplete.
      for (Exception e : record.getExceptions()) {
        if (isEncrypted(e)) {
          encrypted[0] = true;
        } else if (read == ReadStatus.READ) {
          read = bomb(e) ? ReadStatus.NOT_OPENED : ReadStatus.DAMAGED;
          problem = "an embedded document: " + describe(e);
        }
      }
      if (read == ReadStatus.READ && record.isWriteLimitReached()) {
        read = ReadStatus.CUT;
        problem = "text beyond " + maxChars + " characters was not read";
      }
    }
    if (!encrypted[0] && "true".equalsIgnoreCase(metadata.get("pdf:encrypted")) && handler.toString().isBlank()) {
      encrypted[0] = true;
    }
    if (read == ReadStatus.READ && !encrypted[0] && detected.equals("application/pdf")) {
      String damage = PdfStructure.damage(data);
      if (damage != null) {
        read = ReadStatus.DAMAGED;
        problem = "damaged PDF: " + damage;
      }
    }
    return new Result(detected, byName, handler.toString(), encrypted[0], List.copyOf(entries), read, problem);
  }

  /** Tika's signs of an archive bomb or of nesting past the depth limit: content left unopened on purpose. */
  private static boolean bomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (name.contains("ZipBomb") || name.contains("Depth") || name.equals("SecureSAXException")) return true;
    }
    return false;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return root == e ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " caused by " + root.getClass().getSimpleName();
  }

  private static boolean isEncrypted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EncryptedDocumentException) return true;
      String name = t.getClass().getName();
      if (name.endsWith("EncryptedDocumentException") || name.endsWith("UnsupportedZipFeatureException")
          && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("encrypt")) {
        return true;
      }
    }
    return false;
  }
}
