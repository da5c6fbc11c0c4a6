package se.epostpolicy.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

  @Parameters(arity = "1..*", paramLabel = "PATH", description = ".eml files, mbox files or Maildir folders.")
  List<String> paths = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PolicyEngine engine = engineOptions.engine(spec);
    if (engine == null) return engineOptions.failure;
    EvaluationContext context = engineOptions.context();
    Output output = format == Format.json ? new JsonOutput(out) : new TextOutput(out);
    int[] counts = new int[2];
    try (MailReader reader = readingOptions.reader()) {
    for (String p : paths) {
      reader.read(Path.of(p), p, outcome -> {
        if (outcome instanceof ReadOutcome.Parsed parsed) {
          try {
            Decision d = engine.evaluate(parsed.email(), context);
            output.decision(d);
            counts[0]++;
          } catch (PolicyException e) {
            output.failure(outcome.source(), engine.manifest().ref(), e.getMessage());
            counts[1]++;
          }
        } else {
          output.failure(outcome.source(), engine.manifest().ref(), ((ReadOutcome.Unreadable) outcome).error().getMessage());
          counts[1]++;
        }
      });
    }
    }
    output.summary(counts[0], counts[1]);
    out.flush();
    return counts[1] == 0 ? PolicyCheck.OK : PolicyCheck.SOME_FAILED;
  }
}
