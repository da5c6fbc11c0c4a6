package se.epostpolicy.samples.cli;

import picocli.CommandLine;
import se.epostpolicy.mail.MailReader;
import picocli.CommandLine.Command;

/**
 * {@code policy-check}: the command line of e-postpolicy. Exit codes: 0 when every message was
 * evaluated, 1 when some could not be, 2 on bad usage.
 */
@Command(name = "policy-check", mixinStandardHelpOptions = true, version = "policy-check 0.1",
    description = "Judges e-mail by a Swedish authority's e-mail policy.",
    subcommands = {ClassifyCommand.class, ExplainCommand.class, LintCommand.class, TestCommand.class,
        CommandLine.HelpCommand.class})
public final class PolicyCheck implements Runnable {

  static final int OK = 0;
  static final int SOME_FAILED = 1;
  static final int USAGE = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // The command line owns its JVM, so it may choose the JVM-wide settings that read broken mail
    // best; a library embedded elsewhere leaves that choice to its host.
    MailReader.useLenientMimeSettings();
    System.exit(run(args));
  }

  /** Runs the command on the console and returns its exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** Runs the command writing to {@code out} and {@code err} (for tests and embedding); returns its exit code. */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  private static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new PolicyCheck());
    cl.setExitCodeExceptionMapper(e -> USAGE);
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'policy-check classify --help'");
  }
}
