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
    return extract(data, name, maxChars, IN_PROCESS);
  }

  /**
   * The type and text of one attachment, parsed by {@code parser}. The checks that need no parse
   * (a PDF that would inflate past every bound) come first; those that need the raw bytes after a
   * parse that looked clean (a PDF PDFBox repaired in silence) come last, so both ways of parsing
   * answer alike.
   */
  static Result extract(byte[] data, String name, int maxChars, DocumentParser parser) {
    return extract(data, detect(data), name, maxChars, parser);
  }

  /**
   * As above, with the type the reader already detected from the content, so it is not detected
   * twice here. Tika's parser still detects on its own, with the name's extension as a hint: told
   * the type instead, it handed broken archives detected as {@code octet-stream} to no parser and
   * called them read (three corpus mails lost their {@code CONTENT_NOT_READ}), so it is not told.
   */
  static Result extract(byte[] data, String detected, String name, int maxChars, DocumentParser parser) {
    String byName = typeOfName(name);
    if (detected.equals("application/pdf")) {
      String bomb = PdfStructure.inflationBomb(data);
      if (bomb != null) return new Result(detected, byName, "", false, List.of(), ReadStatus.NOT_OPENED, "not opened: " + bomb);
    }
    Parsed p = parser.parse(data, extension(name), Math.max(1, maxChars));
    boolean encrypted = p.encrypted() || p.pdfEncrypted() && p.text().isBlank();
    ReadStatus read = p.read();
    String problem = p.problem();
    if (read == ReadStatus.READ && !encrypted && detected.equals("application/pdf")) {
      String damage = PdfStructure.damage(data);
      if (damage != null) {
        read = ReadStatus.DAMAGED;
        problem = "damaged PDF: " + damage;
      }
    }
    return new Result(detected, byName, p.text(), encrypted, p.entries(), read, problem);
  }

  /** What one parse of a document gave, before the checks on its raw bytes. */
  record Parsed(String text, List<String> entries, boolean encrypted, boolean pdfEncrypted, ReadStatus read, String problem) {}

  /**
   * One way to parse a document: in this JVM or in a forked one. Parsers see the name's extension
   * only, so no file name (which may hold an identity number) reaches a parser's log.
   */
  interface DocumentParser extends AutoCloseable {
    Parsed parse(byte[] data, String extension, int maxChars);

    @Override
    default void close() {}
  }

  /** The parser for {@code parsing}; forked parsers start their processes on first use. */
  static DocumentParser parser(DocumentParsing parsing) {
    return parsing.forked() ? new ForkedDocumentParser(parsing) : IN_PROCESS;
  }

  static final DocumentParser IN_PROCESS = AttachmentExtractor::parseInProcess;

  private static String extension(String name) {
    if (name == null) return "";
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).trim().toLowerCase(Locale.ROOT);
    return ext.matches("[a-z0-9]{1,8}") ? ext : "";
  }

  private static Parsed parseInProcess(byte[] data, String extension, int maxChars) {
    List<String> entries = new ArrayList<>();
    boolean[] encrypted = {false};
    BodyContentHandler handler = new BodyContentHandler(maxChars);
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, extension.isEmpty() ? "attachment" : "attachment." + extension);
    ParseContext context = new ParseContext();
    context.set(Parser.class, PARSER);
    ParseRecord record = new ParseRecord();
    context.set(ParseRecord.class, record);
    context.set(PDFParserConfig.class, pdfConfig());
    context.set(EmbeddedDocumentExtractor.class, new ParsingEmbeddedDocumentExtractor(context) {
      @Override
      public void parseEmbedded(InputStream stream, ContentHandler h, Metadata m, boolean outputHtml)
          throws SAXException, IOException {
        String entry = m.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (entry != null && !entry.isBlank()) entries.add(entry);
        try {
          super.parseEmbedded(stream, h, m, outputHtml);
        } catch (IOException | SAXException | RuntimeException e) {
          if (Trouble.of(e).encrypted()) encrypted[0] = true;
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
        problem = cut(maxChars);
      } else {
        Trouble t = Trouble.of(e);
        if (t.encrypted()) encrypted[0] = true;
        else { read = t.status(); problem = t.description(); }
      }
    } catch (TikaException | IOException | RuntimeException e) {
      Trouble t = Trouble.of(e);
      if (t.encrypted()) encrypted[0] = true;
      else { read = t.status(); problem = t.description(); }
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
        Trouble t = Trouble.of(e);
        if (t.encrypted()) {
          encrypted[0] = true;
        } else if (read == ReadStatus.READ) {
          read = t.status();
          problem = "an embedded document: " + t.description();
        }
      }
      if (read == ReadStatus.READ && record.isWriteLimitReached()) {
        read = ReadStatus.CUT;
        problem = cut(maxChars);
      }
    }
    return new Parsed(handler.toString(), List.copyOf(entries), encrypted[0],
        "true".equalsIgnoreCase(metadata.get("pdf:encrypted")), read, problem);
  }

  static String cut(int maxChars) {
    return "text beyond " + maxChars + " characters was not read";
  }

  static PDFParserConfig pdfConfig() {
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setMaxMainMemoryBytes(PDF_MAIN_MEMORY_BYTES);
    return pdf;
  }

  /**
   * What a parse failure says, read from its exception chain: in this JVM the chain itself, from
   * a forked parse the stack trace Tika sends back. Only class names decide; messages (which may
   * quote content) are read for the word "encrypt" and never kept.
   *
   * @param classes the simple class names of the chain, outermost first
   * @param mentionsEncryption whether a message in the chain speaks of encryption
   * @param mentionsBomb whether a message in the chain is Tika's "suspected zip bomb" (ratio or nesting)
   */
  record Trouble(List<String> classes, boolean mentionsEncryption, boolean mentionsBomb) {

    static Trouble of(Throwable e) {
      List<String> classes = new ArrayList<>();
      boolean encrypt = false;
      boolean bomb = false;
      for (Throwable t = e; t != null && classes.size() < 20; t = t.getCause() == t ? null : t.getCause()) {
        classes.add(t.getClass().getSimpleName());
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        encrypt |= message.contains("encrypt");
        bomb |= message.contains("zip bomb");
      }
      return new Trouble(classes, encrypt, bomb);
    }

    /** From a Java stack trace: its first line and its "Caused by:" lines; frames are skipped. */
    static Trouble ofStackTrace(String trace) {
      List<String> classes = new ArrayList<>();
      boolean encrypt = false;
      boolean bomb = false;
      for (String line : trace.split("\\R")) {
        String l = line.strip();
        if (l.startsWith("Caused by: ")) l = l.substring("Caused by: ".length());
        else if (!classes.isEmpty()) continue;
        int colon = l.indexOf(':');
        String cls = colon < 0 ? l : l.substring(0, colon);
        if (!cls.matches("[\\w.$]+")) continue;
        classes.add(cls.substring(cls.lastIndexOf('.') + 1));
        encrypt |= l.toLowerCase(Locale.ROOT).contains("encrypt");
        bomb |= l.toLowerCase(Locale.ROOT).contains("zip bomb");
      }
      return new Trouble(classes, encrypt, bomb);
    }

    boolean encrypted() {
      for (String c : classes) {
        if (c.endsWith("EncryptedDocumentException") || c.equals("UnsupportedZipFeatureException") && mentionsEncryption) {
          return true;
        }
      }
      return false;
    }

    /** Archive bombs and nesting past the depth limit are left unopened on purpose; the rest is damage. */
    ReadStatus status() {
      if (mentionsBomb) return ReadStatus.NOT_OPENED;
      for (String c : classes) {
        if (c.contains("ZipBomb") || c.contains("Depth") || c.equals("SecureSAXException")) return ReadStatus.NOT_OPENED;
      }
      return ReadStatus.DAMAGED;
    }

    String description() {
      if (classes.isEmpty()) return "unknown failure";
      String first = classes.get(0);
      String root = classes.get(classes.size() - 1);
      return classes.size() == 1 ? first : first + " caused by " + root;
    }
  }

}
