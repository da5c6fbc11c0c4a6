package se.epostpolicy.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.epostpolicy.RulePackException;
import se.epostpolicy.lint.PackLinter;
import se.epostpolicy.pack.PackRepository;

/** {@code policy-check lint}: every problem of every pack and version, as file:line: message. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Compiles every pack and version and reports each problem as file:line: message. Exit 1 on any.")
final class LintCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  RulesOption rules;

  @Option(names = "--sources", paramLabel = "DIR",
      description = "A folder of the policy documents (repeatable): every cited document must be in one of them.")
  List<Path> sources = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<RulePackException.Problem> problems;
    PackRepository repository;
    try {
      repository = rules.repository();
      problems = PackLinter.lint(repository, sources, rules.allowRuleCode);
    } catch (RulePackException e) {
      problems = e.problems();
      repository = null;
    }
    problems.forEach(out::println);
    int packs = repository == null ? 0 : repository.manifests().size();
    out.printf("%d pack version(s) checked, %d problem(s)%n", packs, problems.size());
    out.flush();
    return problems.isEmpty() ? PolicyCheck.OK : PolicyCheck.SOME_FAILED;
  }
}
