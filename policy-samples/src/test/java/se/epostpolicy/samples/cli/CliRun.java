package se.epostpolicy.samples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** One run of {@code policy-check} with its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

  static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = PolicyCheck.run(new PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true),
        new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true), args);
    return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
