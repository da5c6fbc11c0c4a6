package se.epostpolicy.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.pipes.FetchEmitTuple;
import org.apache.tika.pipes.HandlerConfig;
import org.apache.tika.pipes.PipesConfig;
import org.apache.tika.pipes.PipesParser;
import org.apache.tika.pipes.PipesResult;
import org.apache.tika.pipes.emitter.EmitKey;
import org.apache.tika.pipes.fetcher.FetchKey;
import org.apache.tika.sax.BasicContentHandlerFactory;
import se.epostpolicy.facts.ReadStatus;
import se.epostpolicy.mail.AttachmentExtractor.Parsed;
import se.epostpolicy.mail.AttachmentExtractor.Trouble;

/**
 * Parses documents in forked JVMs with Tika's pipes: {@link PipesParser} keeps a pool of
 * {@code PipesServer} processes on this JVM's class path, hands each a file, and kills and
 * restarts a process whose parse passes the timeout, runs out of memory or crashes. The document
 * is written to a private temporary folder under a random name (its extension only) and deleted
 * after the parse; the folder goes when the parser is closed.
 */
final class ForkedDocumentParser implements AttachmentExtractor.DocumentParser {

  private static final String FETCHER = "documents";

  private final DocumentParsing parsing;
  private final Path home;
  private final Path documents;
  private final PipesParser pipes;

  ForkedDocumentParser(DocumentParsing parsing) {
    this.parsing = parsing;
    try {
      home = privateTempDirectory();
      documents = Files.createDirectory(home.resolve("in"));
      Path config = home.resolve("tika-config.xml");
      Files.writeString(config, tikaConfig(parsing, documents), StandardCharsets.UTF_8);
      pipes = new PipesParser(PipesConfig.load(config));
    } catch (IOException e) {
      throw new UncheckedIOException("could not set up forked document parsing", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not set up forked document parsing: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public Parsed parse(byte[] data, String extension, int maxChars) {
    String id = UUID.randomUUID() + (extension.isEmpty() ? "" : "." + extension);
    Path file = documents.resolve(id);
    try {
      Files.write(file, data);
      Metadata metadata = new Metadata();
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, id);
        ParseContext context = new ParseContext();
      // One metadata object per document and embedded document, each with its own text and any
      // exception Tika met in it: what the in-process parse reads from its ParseRecord.
      context.set(HandlerConfig.class, new HandlerConfig(BasicContentHandlerFactory.HANDLER_TYPE.TEXT,
          HandlerConfig.PARSE_MODE.RMETA, maxChars, -1, false));
      PDFParserConfig pdf = AttachmentExtractor.pdfConfig();
      context.set(PDFParserConfig.class, pdf);
      PipesResult result = pipes.parse(new FetchEmitTuple(id, new FetchKey(FETCHER, id), new EmitKey(), metadata, context,
          FetchEmitTuple.ON_PARSE_EXCEPTION.EMIT));
      return read(result, maxChars);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return notOpened("interrupted while the forked parser worked");
    } catch (IOException e) {
      return notOpened("the forked parser could not be reached (" + e.getClass().getSimpleName() + ")");
    } catch (Exception e) {
      return notOpened("the forked parser failed (" + e.getClass().getSimpleName() + ")");
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // the folder goes at close
      }
    }
  }

  private Parsed read(PipesResult result, int maxChars) {
    switch (result.getStatus()) {
      case TIMEOUT:
        return notOpened("not parsed within " + parsing.timeout().toSeconds() + " s (forked parser stopped)");
      case OOM:
        return notOpened("the forked parser ran out of its " + parsing.heapMegabytes() + " MB heap");
      case UNSPECIFIED_CRASH:
        return notOpened("the forked parser crashed");
      case PARSE_SUCCESS:
      case PARSE_SUCCESS_WITH_EXCEPTION:
      case EMIT_SUCCESS:
      case EMIT_SUCCESS_PARSE_EXCEPTION:
        if (result.getEmitData() != null && result.getEmitData().getMetadataList() != null) break;
        return notOpened("the forked parser gave no text (" + result.getStatus() + ")");
      default:
        return notOpened("the forked parser gave no text (" + result.getStatus() + ")");
    }
    // Tika lists the container first and the embedded documents as they end, deepest first;
    // shallow first keeps archive entries in the order the archive lists them.
    List<Metadata> list = new ArrayList<>(result.getEmitData().getMetadataList());
    if (list.size() > 2) {
      Metadata container = list.remove(0);
      list.sort(Comparator.comparingInt(ForkedDocumentParser::depth));
      list.add(0, container);
    }
    StringBuilder text = new StringBuilder();
    List<String> entries = new ArrayList<>();
    boolean encrypted = false;
    boolean pdfEncrypted = false;
    ReadStatus read = ReadStatus.READ;
    String problem = null;
    for (int i = 0; i < list.size(); i++) {
      Metadata m = list.get(i);
      // Each document is parsed on its own here, so Tika's nesting bound (which counts within
      // one parse) does not see the depth: the depth it records does, and the deeper text is not
      // taken, as in process.
      if (depth(m) > AttachmentExtractor.MAX_EMBEDDED_DEPTH) {
        if (read == ReadStatus.READ || read == ReadStatus.CUT) {
          read = ReadStatus.NOT_OPENED;
          problem = "an embedded document: nested deeper than " + AttachmentExtractor.MAX_EMBEDDED_DEPTH + " levels";
        }
        continue;
      }
      String content = m.get(TikaCoreProperties.TIKA_CONTENT);
      if (content != null && text.length() < maxChars) {
        if (text.length() > 0) text.append('\n');
        text.append(content, 0, Math.min(content.length(), maxChars - text.length()));
      }
      if (i > 0) {
        String entry = m.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (entry != null && !entry.isBlank()) entries.add(entry);
      }
      if (i == 0) pdfEncrypted = "true".equalsIgnoreCase(m.get("pdf:encrypted"));
      encrypted |= "true".equalsIgnoreCase(m.get(TikaCoreProperties.IS_ENCRYPTED));
      // Every exception Tika kept: of the container, of an embedded document, of the stream of an
      // archive entry it could not open. Warnings are not failures.
      for (String key : m.names()) {
        if (!key.startsWith(TikaCoreProperties.TIKA_META_EXCEPTION_PREFIX) || key.endsWith("warn") || key.endsWith("warning")) continue;
        for (String trace : m.getValues(key)) {
          if (!trace.contains("Exception") && !trace.contains("Error")) continue;
          Trouble t = Trouble.ofStackTrace(trace);
          if (t.encrypted()) {
            encrypted = true;
          } else if (t.classes().contains("WriteLimitReachedException")) {
            if (read == ReadStatus.READ) {
              read = ReadStatus.CUT;
              problem = AttachmentExtractor.cut(maxChars);
            }
          } else if (read == ReadStatus.READ || read == ReadStatus.CUT) {
            read = t.status();
            problem = (i == 0 ? "" : "an embedded document: ") + t.description();
          }
        }
      }
      if (read == ReadStatus.READ && "true".equalsIgnoreCase(m.get(TikaCoreProperties.WRITE_LIMIT_REACHED))) {
        read = ReadStatus.CUT;
        problem = AttachmentExtractor.cut(maxChars);
      }
    }
    if (read == ReadStatus.READ && text.length() >= maxChars) {
      read = ReadStatus.CUT;
      problem = AttachmentExtractor.cut(maxChars);
    }
    return new Parsed(text.toString(), List.copyOf(entries), encrypted, pdfEncrypted, read, problem);
  }

  private static int depth(Metadata m) {
    try {
      String d = m.get(TikaCoreProperties.EMBEDDED_DEPTH);
      return d == null ? 0 : Integer.parseInt(d.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Parsed notOpened(String why) {
    return new Parsed("", List.of(), false, false, ReadStatus.NOT_OPENED, why);
  }

  @Override
  public void close() {
    try {
      pipes.close();
    } catch (IOException ignored) {
      // the processes end with this JVM in any case
    }
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // left in the temporary folder: holds no document, only the configuration
    }
  }

  private static Path privateTempDirectory() throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempDirectory("epostpolicy-parse-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return Files.createTempDirectory("epostpolicy-parse-");
  }

  /**
   * The forked processes' configuration: the same bounds as in process (archive-bomb ratio,
   * nesting depth), this JVM's Java, results handed back rather than emitted, and parser logging
   * off so nothing about a document reaches the console.
   */
  static String tikaConfig(DocumentParsing parsing, Path documents) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <properties>
          <autoDetectParserConfig>
            <outputThreshold>1048576</outputThreshold>
            <maximumCompressionRatio>100</maximumCompressionRatio>
            <maximumDepth>%d</maximumDepth>
            <maximumPackageEntryDepth>%d</maximumPackageEntryDepth>
          </autoDetectParserConfig>
          <fetchers>
            <fetcher class="org.apache.tika.pipes.fetcher.fs.FileSystemFetcher">
              <name>%s</name>
              <basePath>%s</basePath>
            </fetcher>
          </fetchers>
          <pipes>
            <params>
              <numClients>%d</numClients>
              <javaPath>%s</javaPath>
              <forkedJvmArgs>
                <arg>-Xmx%dm</arg>
                <arg>-XX:+UseSerialGC</arg>
                <arg>-Djava.awt.headless=true</arg>
                <arg>-Dorg.slf4j.simpleLogger.defaultLogLevel=off</arg>
              </forkedJvmArgs>
              <timeoutMillis>%d</timeoutMillis>
              <maxForEmitBatchBytes>-1</maxForEmitBatchBytes>
            </params>
          </pipes>
        </properties>
        """.formatted(AttachmentExtractor.MAX_EMBEDDED_DEPTH, AttachmentExtractor.MAX_EMBEDDED_DEPTH, FETCHER,
        xml(documents.toString()), parsing.processes(), xml(java), parsing.heapMegabytes(), parsing.timeout().toMillis());
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
