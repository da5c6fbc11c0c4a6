package se.epostpolicy.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * Where attachment documents (PDF, Office, OpenDocument, RTF, archives) are parsed, and how the
 * parse of one document is bounded.
 *
 * <p>{@linkplain #inProcess() In process} (the default) is fastest, and Tika's own bounds hold:
 * text limit, archive-bomb ratio, nesting depth, PDF memory; an out-of-memory or a stack overflow
 * in one document leaves that document {@code NOT_OPENED}. What it cannot bound is time: a parser
 * that loops on one document holds its thread. {@linkplain #forked(Duration) Forked} parsing runs
 * each document in a separate JVM through Tika's pipes ({@code PipesParser}): a parse that takes
 * longer than {@link #timeout()}, runs out of its own {@link #heapMegabytes() heap} or crashes the
 * process is killed and that attachment is {@code NOT_OPENED}; the process is started again for the
 * next document. It costs a JVM start per process (about a second, once) and a file round trip per
 * document; the README gives measured figures.
 *
 * @param forked whether documents are parsed in separate JVMs
 * @param timeout longest parse of one document in a forked JVM (ignored in process)
 * @param heapMegabytes the heap of each forked JVM (ignored in process)
 * @param processes how many forked JVMs parse side by side (ignored in process)
 * @since 0.3
 */
public record DocumentParsing(boolean forked, Duration timeout, int heapMegabytes, int processes) {

  private static final DocumentParsing IN_PROCESS = new DocumentParsing(false, Duration.ofSeconds(60), 512, 1);

  public DocumentParsing {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero() || heapMegabytes < 32 || processes < 1) {
      throw new IllegalArgumentException("timeout must be positive, heap at least 32 MB, processes at least 1");
    }
  }

  /** Documents are parsed in this JVM, bounded by Tika's limits but not in time. */
  public static DocumentParsing inProcess() {
    return IN_PROCESS;
  }

  /**
   * Documents are parsed in forked JVMs, each parse bounded by {@code timeout}, with a 512 MB heap
   * per process and as many processes as this machine has cores.
   */
  public static DocumentParsing forked(Duration timeout) {
    return new DocumentParsing(true, timeout, 512, Runtime.getRuntime().availableProcessors());
  }

  public DocumentParsing withHeapMegabytes(int megabytes) {
    return new DocumentParsing(forked, timeout, megabytes, processes);
  }

  public DocumentParsing withProcesses(int n) {
    return new DocumentParsing(forked, timeout, heapMegabytes, n);
  }
}
