package se.epostpolicy.samples.cli;

import java.time.Duration;
import picocli.CommandLine.Option;
import se.epostpolicy.mail.DocumentParsing;
import se.epostpolicy.mail.MailReader;
import se.epostpolicy.mail.ReaderLimits;

/** How attachments are parsed: in this process (fast) or in forked processes bounded in time and memory. */
final class ReadingOptions {

  @Option(names = "--isolate-parsing", description = "Parse attachment documents (PDF, Office, archives) in separate "
      + "processes, each parse bounded by --parse-timeout and --parse-heap; a document past either is not read "
      + "(CONTENT_NOT_READ). Slower to start; for mail from anyone.")
  boolean isolate;

  @Option(names = "--parse-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "With --isolate-parsing: longest parse of one document. Default: ${DEFAULT-VALUE}.")
  int timeoutSeconds;

  @Option(names = "--parse-heap", paramLabel = "MB", defaultValue = "512",
      description = "With --isolate-parsing: heap of each parsing process. Default: ${DEFAULT-VALUE}.")
  int heapMegabytes;

  /** A reader as the options say; close it when done. */
  MailReader reader() {
    if (!isolate) return new MailReader();
    return new MailReader(ReaderLimits.DEFAULTS, DocumentParsing.forked(Duration.ofSeconds(Math.max(1, timeoutSeconds)))
        .withHeapMegabytes(Math.max(32, heapMegabytes)));
  }
}
