package se.epostpolicy.internal;

/**
 * Which failures one message may cause and the batch survive. Not API: it may change or move
 * without notice.
 *
 * <p>A stack overflow on a nesting an attacker chose, or a parser that runs out of memory on one
 * document, ends that message's evaluation: the stack unwinds and the memory it held is freed.
 * {@link InternalError} and {@link UnknownError} say the JVM itself is broken, so they end the run.
 */
public final class Failures {

  private Failures() {}

  /** True when {@code t} ends one message and the batch may go on. */
  public static boolean containable(Throwable t) {
    return !(t instanceof InternalError) && !(t instanceof UnknownError);
  }

  /** Rethrows {@code t} when it may not be contained; returns otherwise. */
  public static void rethrowFatal(Throwable t) {
    if (!containable(t)) throw (Error) t;
  }

  /** A few words naming {@code t} without its message (which may quote content). */
  public static String describe(Throwable t) {
    if (t instanceof StackOverflowError) return "nested too deeply (stack overflow)";
    if (t instanceof OutOfMemoryError) return "ran out of memory";
    return t.getClass().getSimpleName();
  }
}
