package se.epostpolicy.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.epostpolicy.PolicyException;
import se.epostpolicy.engine.Decision;
import se.epostpolicy.engine.EvaluationContext;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.mail.MailReader;
import se.epostpolicy.mail.ReadOutcome;

/** {@code policy-check classify}: one decision per message of every file, mbox and Maildir given. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Evaluates .eml files, mbox files and Maildir folders and prints one decision per message.")
final class ClassifyCommand implements Callable<Integer> {

  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text (a table for people) or json (one object per line). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Mixin
  EngineOptions engineOptions;

  @Mixin
  ReadingOptions readingOptions;

  @Option(names = "--threads", paramLabel = "N", description = "Messages read and judged side by side; output stays "
      + "in source order. Default: the number of cores (${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Parameters(arity = "1..*", paramLabel = "PATH", description = ".eml files, mbox files or Maildir folders.")
  List<String> paths = new ArrayList<>();

  /** Judges one message on a pool thread; returns the printing of its line, done in order later. */
  private static Runnable judge(PolicyEngine engine, EvaluationContext context, Output output, ReadOutcome outcome, int[] counts) {
    if (outcome instanceof ReadOutcome.Parsed parsed) {
      try {
        Decision d = engine.evaluate(parsed.email(), context);
        return () -> { output.decision(d); counts[0]++; };
      } catch (PolicyException e) {
        return () -> { output.failure(outcome.source(), engine.manifest().ref(), e.getMessage()); counts[1]++; };
      }
    }
    String error = ((ReadOutcome.Unreadable) outcome).error().getMessage();
    return () -> { output.failure(outcome.source(), engine.manifest().ref(), error); counts[1]++; };
  }

  private static void print(Future<Runnable> line) {
    try {
      line.get().run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      // judge() answers every message itself; anything else is a bug to show, not to hide
      throw new IllegalStateException("a message could not be judged", e.getCause());
    }
  }

  private static ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "policy-check-worker");
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PolicyEngine engine = engineOptions.engine(spec);
    if (engine == null) return engineOptions.failure;
    EvaluationContext context = engineOptions.context();
    Output output = format == Format.json ? new JsonOutput(out) : new TextOutput(out);
    int[] counts = new int[2];
    // Reading and judging run on the pool; printing stays on this thread, in source order. At
    // most one message more than there are threads waits, so memory does not grow with the input.
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), daemon());
    ArrayDeque<Future<Runnable>> window = new ArrayDeque<>();
    int most = Math.max(1, threads) + 1;
    try (MailReader reader = readingOptions.reader()) {
      for (String p : paths) {
        reader.forEachMessage(Path.of(p), p, (source, read) -> {
          window.add(pool.submit(() -> judge(engine, context, output, read.get(), counts)));
          while (window.size() >= most) print(window.poll());
        });
      }
      while (!window.isEmpty()) print(window.poll());
    } finally {
      pool.shutdownNow();
    }
    output.summary(counts[0], counts[1]);
    out.flush();
    return counts[1] == 0 ? PolicyCheck.OK : PolicyCheck.SOME_FAILED;
  }
}
